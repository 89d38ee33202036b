using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Conditions;

/// <summary>
/// <c>in</c> and <c>notIn</c> compare a text only with the operands of its length: they must answer as comparing it
/// with every operand does (<see cref="AttributeValue.Equals(AttributeValue)"/>).
/// </summary>
public sealed class InListTests
{
    // Texts alike but for case, length, non-ASCII letters whose case folding is special (sharp s, Kelvin sign, dotted
    // and dotless i, a titlecase digraph), the empty text, and one past the longest text indexed by length.
    private static readonly string[] Texts =
    [
        "", "a", "A", "saas", "SaaS", "SAAS", "Software", "software ", "Finance", "Financial Services",
        "straße", "STRASSE", "Straße", "\u212Aelvin", "kelvin", "KELVIN", "İstanbul", "istanbul", "ıstanbul", "ǅ", "ǆ", "Ǆ",
        new string('x', 256), new string('X', 256), new string('x', 257), new string('X', 257),
    ];

    [Property(MaxTest = 1000)]
    public void In_and_not_in_answer_as_comparing_with_every_operand(Seed seed)
    {
        var random = new Random(seed);
        var operands = Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomValue(random)).ToArray();
        var inList = new CompiledTest(ValueTest.In(operands));
        var notInList = new CompiledTest(ValueTest.NotIn(operands));
        for (int i = 0; i < 20; i++)
        {
            var value = RandomValue(random);
            bool expected = operands.Any(operand => value.Equals(operand));
            Assert.Equal(expected, inList.IsAnyOperand(value));
            Assert.Equal(value.IsPresent && expected, inList.Evaluate(value));
            Assert.Equal(value.IsPresent && !expected, notInList.Evaluate(value));
        }
    }

    [Fact]
    public void A_text_is_found_among_operands_of_its_length_ignoring_case_and_only_there()
    {
        var industries = new CompiledTest(ValueTest.In("Software", "SaaS", "Finance", "Financial Services", 5, true));
        Assert.True(industries.Evaluate("software"));
        Assert.True(industries.Evaluate("FINANCIAL SERVICES"));
        Assert.False(industries.Evaluate("Financial"));
        Assert.False(industries.Evaluate("Retail"));
        Assert.False(industries.Evaluate(""));
        Assert.False(industries.Evaluate("5"));
        Assert.True(industries.Evaluate(5));
        Assert.True(industries.Evaluate(true));
        Assert.False(industries.Evaluate(false));
    }

    private static AttributeValue RandomValue(Random random) => random.Next(10) switch
    {
        0 => AttributeValue.Missing,
        1 => random.Next(3) - 1,
        2 => random.Next(2) == 0,
        _ => Texts[random.Next(Texts.Length)],
    };
}

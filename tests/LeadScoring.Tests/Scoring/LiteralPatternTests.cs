using System.Text;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// A finite <c>matches</c> pattern is answered by a search for the strings it spells (on ASCII values): it must answer
/// exactly as the non-backtracking regex the spec asks for, on every value.
/// </summary>
public sealed class LiteralPatternTests
{
    private const RegexOptions SpecOptions = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Pattern pieces: finite ones, and some that are not (the pattern must then stay with the regex engine).
    private static readonly string[] Pieces =
    [
        "a", "b", "k", "K", "s", "@", "-", " ", "#", "\\.", "\\-", "\\(", "\\?", "\\|", "\\\\", "\\*",
        "(", ")", "(?:", "|", "?", "??",
        "*", "+", ".", "[ab]", "^", "$", "\\d", "\\b", "{2}", "(?i)", "(?<n>a)",
    ];

    // Value characters: ASCII ones and the non-ASCII ones whose case the regex engine and ordinal comparison treat
    // differently (Kelvin sign, long s, dotted capital I), where the values must go to the regex.
    private const string ValueChars = "abkKsS@.-( ?|\\*#x\u212A\u017F\u0130é";

    [Theory]
    [InlineData(@"@(gmail|googlemail|yahoo|hotmail|outlook|live|aol|icloud|gmx|proton(mail)?)\.", 11)]
    [InlineData("gmail", 1)]
    [InlineData(@"a(?:b|c)?d", 3)]
    [InlineData(@"\(\.\)", 1)]
    [InlineData("a|A|b", 2)] // the same string ignoring case, once
    [InlineData("(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)", 64)]
    public void Finite_patterns_spell_their_strings(string pattern, int count)
    {
        Assert.True(LiteralPattern.TryExpand(pattern, out var literals));
        Assert.Equal(count, literals.Length);
        Assert.All(literals, literal => Assert.Matches(new Regex(pattern, SpecOptions), literal));
    }

    [Theory]
    [InlineData("^gmail")]
    [InlineData("gmail$")]
    [InlineData("a*")]
    [InlineData("a+")]
    [InlineData("a{2}")]
    [InlineData("a.c")]
    [InlineData("[ab]")]
    [InlineData(@"\d")]
    [InlineData(@"a\b")]
    [InlineData("(?i)a")]
    [InlineData("(?<name>a)")]
    [InlineData("a??")]
    [InlineData("a|")] // spells the empty string: matches every value
    [InlineData("(a)?")]
    [InlineData("é")]
    [InlineData("(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)")] // 128 strings
    public void Other_patterns_stay_with_the_regex_engine(string pattern) =>
        Assert.False(LiteralPattern.TryExpand(pattern, out _));

    [Property(MaxTest = 3000)]
    public void A_matches_test_answers_as_the_non_backtracking_regex_on_every_value(Seed seed)
    {
        var random = new Random(seed);
        var pattern = new StringBuilder();
        for (int i = random.Next(1, 9); i > 0; i--)
        {
            pattern.Append(Pieces[random.Next(random.Next(3) == 0 ? Pieces.Length : 22)]);
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern.ToString(), SpecOptions);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return; // validation refuses it; nothing to compile
        }

        var test = new CompiledTest(ValueTest.Create(TestOperator.Matches, pattern.ToString(), null, regex));
        for (int v = 0; v < 20; v++)
        {
            string value = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => ValueChars[random.Next(random.Next(4) == 0 ? ValueChars.Length : ValueChars.Length - 4)]));
            Assert.True(regex.IsMatch(value) == test.Evaluate(AttributeValue.FromString(value)), $"pattern {pattern} on \"{value}\"");
        }
    }
}

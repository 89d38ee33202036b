using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

[assembly: Properties(Arbitrary = [typeof(SeedArbitrary)])]

namespace LeadScoring.Tests.Support;

/// <summary>
/// A property's random seed, drawn from the whole int range. FsCheck draws an <c>int</c> parameter from
/// [-size, size] with size at most 100, so a thousand runs of a property taking <c>int seed</c> see about 200
/// distinct seeds; a thousand runs taking a <see cref="Seed"/> see a thousand.
/// </summary>
/// <param name="Value">The seed.</param>
public readonly record struct Seed(int Value)
{
    public static implicit operator int(Seed seed) => seed.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Seeds for every property of the assembly (registered above). Not shrunk: a smaller seed is no simpler case.</summary>
public static class SeedArbitrary
{
    public static Arbitrary<Seed> Seeds() => Arb.From(Gen.Choose(int.MinValue, int.MaxValue).Select(value => new Seed(value)));
}

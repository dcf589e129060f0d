using System.Numerics;

namespace Geo.Core.Tests.Indicators.Suppression;

/// <summary>An exact fraction for the attacker's Gaussian elimination; always reduced, denominator positive.</summary>
internal readonly record struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator.Sign < 0)
        {
            gcd = -gcd;
        }

        Numerator = numerator / gcd;
        Denominator = denominator / gcd;
    }

    public static Rational Zero { get; } = new(0, 1);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsZero => Numerator.IsZero;

    /// <summary>A whole count; the tests' counts are integers, so exactness is not in doubt.</summary>
    public static Rational FromCount(double count)
    {
        if (count != Math.Floor(count))
        {
            throw new ArgumentException($"{count} is not whole.", nameof(count));
        }

        return new Rational(new BigInteger(count), 1);
    }

    public double ToDouble() => (double)Numerator / (double)Denominator;

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
}

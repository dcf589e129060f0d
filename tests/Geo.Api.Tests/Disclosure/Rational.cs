using System.Globalization;
using System.Numerics;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// An exact fraction for the attacker's elimination (numerator over a positive denominator, in lowest terms), so that
/// "determined" means determined, not "a pivot happened to round to zero".
/// </summary>
public readonly record struct Rational
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator, carrying the sign.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, at least 1.</summary>
    public BigInteger Denominator { get; }

    /// <summary>Zero.</summary>
    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    /// <summary>One.</summary>
    public static Rational One => new(BigInteger.One, BigInteger.One);

    /// <summary>Whether this is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>numerator / denominator in lowest terms.</summary>
    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne || gcd.IsZero ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    /// <summary>A published decimal figure, read exactly as printed (the API rounds to 6 decimals).</summary>
    public static Rational FromDecimal(double value)
    {
        var text = ((decimal)value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return Of(BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One);
        }

        var digits = text.Length - point - 1;
        return Of(BigInteger.Parse(text.Remove(point, 1), CultureInfo.InvariantCulture), BigInteger.Pow(10, digits));
    }

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? Of(a.Numerator + b.Numerator, a.Denominator)
            : Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + (-b);

    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Quotient.</summary>
    public static Rational operator /(Rational a, Rational b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>The nearest double.</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <inheritdoc/>
    public override string ToString() => Denominator.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator}/{Denominator}";
}

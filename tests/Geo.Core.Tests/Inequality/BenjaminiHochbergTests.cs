using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public sealed class BenjaminiHochbergTests
{
    // Benjamini & Hochberg (1995), section 4: the 15 p-values of a study of myocardial infarction treatment
    private static readonly double[] Study =
    [
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000,
    ];

    [Fact]
    public void Reject_PaperExample_FourRejected()
    {
        // the paper: p₍₄₎ = 0.0095 ≤ 4·0.05/15 = 0.0133 but p₍₅₎ = 0.0201 > 5·0.05/15 = 0.0167 and no later one
        // passes (p₍₉₎ = 0.0459 > 0.03), so the first four are rejected (Bonferroni would reject three)
        var rejected = BenjaminiHochberg.Reject(Study, 0.05);

        Assert.Equal([true, true, true, true, false, false, false, false, false, false, false, false, false, false, false], rejected);
    }

    [Fact]
    public void Adjust_PaperExample_StepUpMinimum()
    {
        // q₍ᵢ₎ = minⱼ≥ᵢ 15 p₍ⱼ₎ / j: 15·0.0001/1 = 0.0015, 15·0.0004/2 = 0.003, 15·0.0019/3 = 0.0095,
        // 15·0.0095/4 = 0.035625, 15·0.0201/5 = 0.0603, then 15·0.0298/7 = 0.063857 for both 6th and 7th
        var adjusted = BenjaminiHochberg.Adjust(Study);

        double[] expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571, 0.0638571428571, 0.0645, 0.0765, 0.486, 0.5811818181818, 0.714875, 0.7532307692308, 0.8132142857143, 1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], adjusted[i], 12);
        }
    }

    [Fact]
    public void Adjust_UnsortedInput_KeepsInputOrder()
    {
        var adjusted = BenjaminiHochberg.Adjust([0.04, 0.01, 0.03]);

        // sorted 0.01, 0.03, 0.04 → 0.03, 0.045, 0.04 → step-up minimum 0.03, 0.04, 0.04
        Assert.Equal([0.04, 0.03, 0.04], adjusted.Select(a => Math.Round(a, 12)));
    }
}

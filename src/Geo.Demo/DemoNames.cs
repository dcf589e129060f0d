namespace Geo.Demo;

/// <summary>
/// Made-up English-sounding place names: an invented stem and a common ending ("Quarnby", "Vaskdale").
/// The stems are not English words or towns, so every name reads as fictional. Stateless.
/// </summary>
internal static class DemoNames
{
    private static readonly string[] Stems =
    [
        "Quarn", "Vask", "Brell", "Corvel", "Drumm", "Eldwyn", "Fennow", "Grisel", "Istle", "Jorvel",
        "Kestrow", "Lurran", "Marrock", "Nethra", "Orrin", "Pellam", "Ruskel", "Tessel", "Wendle", "Yarrick",
        "Zell", "Ossel", "Haverick", "Thrumble", "Brackwen", "Cindle", "Duskin", "Forrel", "Glimm", "Mardle",
    ];

    private static readonly string[] Endings =
    [
        "by", "ford", "ham", "ley", "ton", "wick", "mouth", "dale", "thorpe", "field", "bridge", "borough",
        "stow", "mere", "moor", "worth",
    ];

    /// <summary><paramref name="count"/> distinct names, each from its own stem.</summary>
    public static string[] Places(DemoRandom random, int count)
    {
        if (count > Stems.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"at most {Stems.Length} names");
        }

        var stems = Stems.ToArray();
        for (var i = stems.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (stems[i], stems[j]) = (stems[j], stems[i]);
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var ending = Endings[random.NextInt(Endings.Length)];
            // "Ruskel" + "ley" reads badly: drop a doubled letter where stem and ending meet.
            names[i] = stems[i][^1] == ending[0] ? stems[i] + ending[1..] : stems[i] + ending;
        }

        return names;
    }
}

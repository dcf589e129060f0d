namespace Geo.Data.Import;

/// <summary>
/// A column of a <see cref="CsvTable"/>, resolved once from its header: its 0-based field index and its
/// name as the file spells it, which is what error messages quote.
/// </summary>
public readonly record struct CsvColumn(int Index, string Name);

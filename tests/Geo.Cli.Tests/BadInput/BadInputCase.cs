namespace Geo.Cli.Tests.BadInput;

/// <summary>
/// One fault of the bad-input catalogue: which importer meets it, how the good dataset is broken, and what the
/// person running <c>geo check</c> (or <c>geo export --indicator-file</c>) must see.
/// </summary>
internal sealed record BadInputCase(string Importer, string Fault, Action<BadInputFolder> Arrange, BadInputOutcome Outcome)
{
    /// <summary>The command to run, given the folder; <c>geo check</c> of the manifest unless a case says otherwise.</summary>
    public Func<BadInputFolder, string[]> Command { get; init; } = folder => ["check", "--dataset", folder.Manifest];

    public string Name => $"{Importer}: {Fault}";

    public override string ToString() => Name;
}

/// <summary>What a case must end in.</summary>
internal abstract record BadInputOutcome;

/// <summary>
/// Exit 2 and one line on stderr, <c>error: {file}[, line N | feature N][, field 'F']: …</c>, holding <see cref="Says"/>;
/// <see cref="Where"/> is "line 3", "feature 2" or null (the whole file), <see cref="Field"/> the field or null.
/// </summary>
internal sealed record Refused(string File, string? Where, string? Field, string Says) : BadInputOutcome;

/// <summary>
/// Exit 0: the dataset loads and <c>geo check --json</c>'s <see cref="Section"/> (repairs, unmatchedCodes, notes,
/// indicators, flows) holds <see cref="Says"/>; with no section, only that it loads.
/// </summary>
internal sealed record Loaded(string? Section, string? Says) : BadInputOutcome;

/// <summary>The uploaded file is refused (exit 2) with every problem listed: one line holds <see cref="Says"/>.</summary>
internal sealed record UploadRefused(string Says) : BadInputOutcome;

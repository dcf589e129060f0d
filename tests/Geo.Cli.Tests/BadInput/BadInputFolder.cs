using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Geo.Cli.Tests.BadInput;

/// <summary>
/// A throw-away copy of the catalogue's good dataset (tests/fixtures/badinput) in a temp folder, with the
/// means to break one file of it. Large and binary files are generated here, never committed. Not thread-safe.
/// </summary>
internal sealed class BadInputFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private BadInputFolder(string root) => Root = root;

    /// <summary>The folder the manifest and its files are in.</summary>
    public string Root { get; }

    /// <summary>The manifest, as <c>--dataset</c>.</summary>
    public string Manifest => File("badinput.dataset.json");

    public static BadInputFolder Create()
    {
        var root = Directory.CreateTempSubdirectory("geo-badinput-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "badinput")))
        {
            System.IO.File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        }

        return new BadInputFolder(root);
    }

    public string File(string name) => Path.Combine(Root, name);

    public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text, Utf8);

    public void WriteBytes(string name, byte[] bytes) => System.IO.File.WriteAllBytes(File(name), bytes);

    public void Delete(string name) => System.IO.File.Delete(File(name));

    /// <summary>Replaces one piece of text of a file, which must be there.</summary>
    public void Replace(string name, string text, string with)
    {
        var content = System.IO.File.ReadAllText(File(name));
        if (!content.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name} does not hold '{text}': the catalogue's fixture has changed.");
        }

        Write(name, content.Replace(text, with, StringComparison.Ordinal));
    }

    /// <summary>Keeps only the first line (the header) of a CSV file.</summary>
    public void KeepHeaderOnly(string name) => Write(name, System.IO.File.ReadLines(File(name)).First() + "\n");

    public void AppendLine(string name, string line)
    {
        var content = System.IO.File.ReadAllText(File(name));
        Write(name, content.EndsWith('\n') ? content + line + "\n" : content + "\n" + line + "\n");
    }

    /// <summary>Edits the manifest as JSON (its comments are dropped).</summary>
    public void EditManifest(Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(
            System.IO.File.ReadAllText(Manifest),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        edit(manifest);
        Write(Path.GetFileName(Manifest), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

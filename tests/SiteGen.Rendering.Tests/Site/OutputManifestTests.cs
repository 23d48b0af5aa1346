using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>A manifest names the files a rebuild may replace or delete: only paths below the output folder are accepted.</summary>
public sealed class OutputManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitegen-manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private OutputManifest? LoadWith(string file)
    {
        File.WriteAllText(OutputManifest.PathIn(_dir),
            $$"""{ "Generator": "sitegen", "Files": [ "index.html", {{System.Text.Json.JsonSerializer.Serialize(file)}} ] }""");
        return OutputManifest.Load(_dir);
    }

    [Theory]
    [InlineData("../buiten.html")]
    [InlineData("wijk/../../buiten.html")]
    [InlineData("wijk/./index.html")]
    [InlineData("wijk//index.html")]
    [InlineData("wijk/")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("")]
    public void A_manifest_naming_a_path_outside_or_not_plainly_below_the_output_folder_is_refused(string file) =>
        Assert.Throws<InvalidDataException>(() => LoadWith(file));

    [Theory]
    [InlineData("putten/bijsteren-husselerveld/index.html")]
    [InlineData("data/results.json")]
    [InlineData("wijk/..hidden/x.html")]
    [InlineData(".well-known.txt")]
    public void A_manifest_naming_files_below_the_output_folder_is_read(string file) =>
        Assert.Contains(file, LoadWith(file)!.Files);
}

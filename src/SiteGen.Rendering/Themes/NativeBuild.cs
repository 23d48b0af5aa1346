namespace SiteGen.Rendering.Themes;

/// <summary>Why reflection over view models and theme functions is safe in the native build (PublishAot).</summary>
internal static class NativeBuild
{
    public const string Rooted =
        "Scriban reads view models and calls theme functions by reflection. The native build (src/SiteGen.Cli, PublishAot) " +
        "keeps SiteGen.Rendering and Scriban whole, and NativeBuildTests compare its site with the JIT build's byte for byte.";
}

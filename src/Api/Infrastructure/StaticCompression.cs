using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// The SPA's files travel compressed (Brotli, else gzip): the one script is 1.6 MB raw and a fraction of that compressed, which
/// decides how long the public waits on a slow phone link. The API's answers are not compressed here: an answer that mixes a
/// secret with what the caller sends is what BREACH-style attacks read through compression.
/// </summary>
public static class StaticCompression
{
    public static IServiceCollection AddStaticCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];
        });
        // compressed on each request: the fastest Brotli level is already far smaller than raw and costs milliseconds
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseStaticCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/health"),
            branch => branch.UseResponseCompression());
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the request's scheme and the client's address come from
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> — but only when the connection comes from a proxy named in
/// <c>Site:ForwardedProxies</c> (addresses or CIDR networks). Anyone else could claim to be on HTTPS or at another address,
/// so with none configured the headers are ignored entirely (ASP.NET's default would trust loopback).
/// With the real scheme known, the session cookie is <c>Secure</c> and HSTS is sent on HTTPS.
/// </summary>
public static class ForwardedProxies
{
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this IApplicationBuilder app, SiteOptions site)
    {
        if (site.ForwardedProxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in site.ForwardedProxies) options.KnownIPNetworks.Add(Parse(entry));
        return app.UseForwardedHeaders(options);
    }

    /// <summary>Refuses a malformed entry at start-up rather than silently trusting nothing (or everything).</summary>
    public static System.Net.IPNetwork Parse(string entry)
    {
        if (System.Net.IPNetwork.TryParse(entry, out var network)) return network;
        if (IPAddress.TryParse(entry, out var address))
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        throw new InvalidOperationException($"Site:ForwardedProxies: '{entry}' is neither an IP address nor a CIDR network.");
    }
}

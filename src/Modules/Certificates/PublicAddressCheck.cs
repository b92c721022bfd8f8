using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Assessment.Certificates;

/// <summary>
/// CRT-03: every certificate prints the public address and carries it in its QR link, so a production server refuses to start
/// without one configured (<c>Certificates:PublicBaseUrl</c>) rather than print "localhost" on papers that outlive it.
/// </summary>
public sealed class PublicAddressCheck(IConfiguration config, IHostEnvironment environment) : IHostedService
{
    public const string Key = "Certificates:PublicBaseUrl";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction()) return Task.CompletedTask;
        var configured = config[Key];
        if (string.IsNullOrWhiteSpace(configured) || !Uri.TryCreate(configured, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new InvalidOperationException(
                $"生产环境须配置证书上打印的对外访问地址 {Key}（如 https://zsrd.example.gov.cn），证书和二维码链接都使用该地址；当前为“{configured}”。");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

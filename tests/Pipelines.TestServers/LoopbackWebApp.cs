using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipelines.TestServers;

/// <summary>
/// The host every test server runs in: Kestrel on 127.0.0.1 and port 0, so the kernel picks the port as it binds
/// and parallel tests never race for one; no logging, so a test's output holds only what the test prints.
/// </summary>
internal static class LoopbackWebApp
{
    public static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }
}

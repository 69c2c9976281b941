using Amazon;
using Amazon.SimpleSystemsManagement;

namespace Pipelines.Helmfile.Vals;

/// <summary>Parameter Store clients for the build: AWS's default credential chain, an optional endpoint.</summary>
internal static class ParameterStoreClients
{
    /// <summary>
    /// A client for <paramref name="region"/> (null: AWS_REGION, then the profile's region) with the default
    /// credential chain (environment, AWS_PROFILE, SSO, web identity, container and instance roles).
    /// <paramref name="serviceUrl"/> replaces the public endpoint, for a VPC interface endpoint or a test server;
    /// requests to it are still signed for <paramref name="region"/>.
    /// </summary>
    public static IAmazonSimpleSystemsManagement Create(string? region, string? serviceUrl)
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        if (!string.IsNullOrEmpty(serviceUrl))
        {
            // ServiceURL and RegionEndpoint exclude each other; the signing region comes from AuthenticationRegion.
            config.ServiceURL = serviceUrl;
            if (!string.IsNullOrEmpty(region))
            {
                config.AuthenticationRegion = region;
            }
        }
        else if (!string.IsNullOrEmpty(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return new AmazonSimpleSystemsManagementClient(config);
    }
}

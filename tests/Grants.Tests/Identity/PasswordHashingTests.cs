using System.Buffers.Binary;
using Grants.Identity;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grants.Tests.Identity;

/// <summary>
/// Test hosts hash passwords cheaply (<see cref="GrantsApp.TestHashIterations"/>); these prove production keeps Identity's
/// default cost, and that the hash verified for unknown addresses always costs what a real one does.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task Production_hashes_with_Identitys_default_cost_and_unknown_addresses_verify_one_of_the_same_cost()
    {
        await using var app = new GrantsApp().WithProductionPasswordHashing();
        await app.BearerClientAsync(Login.Secretariat);
        using var scope = app.Services.CreateScope();
        var defaultCost = new PasswordHasherOptions().IterationCount;
        defaultCost.Should().BeGreaterThanOrEqualTo(100_000);
        scope.ServiceProvider.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount.Should().Be(defaultCost);

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Login.Secretariat);
        Iterations(user!.PasswordHash!).Should().Be(defaultCost, "the demo user was hashed at start with the production cost");
        Iterations(scope.ServiceProvider.GetRequiredService<DummyPasswordHash>().Hash).Should().Be(defaultCost);
    }

    [Fact]
    public async Task Test_hosts_hash_cheaply_and_the_unknown_address_hash_follows()
    {
        await using var app = new GrantsApp();
        await app.BearerClientAsync(Login.Applicant);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Login.Applicant);
        Iterations(user!.PasswordHash!).Should().Be(GrantsApp.TestHashIterations);
        Iterations(scope.ServiceProvider.GetRequiredService<DummyPasswordHash>().Hash).Should().Be(GrantsApp.TestHashIterations);
    }

    /// <summary>Identity's version-3 format: marker byte, PRF, iteration count, salt length (big-endian), salt, subkey.</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        bytes[0].Should().Be(0x01, "Identity's version-3 hash format");
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}

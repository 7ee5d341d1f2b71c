using Registrar.Core.Requests;

namespace Registrar.Registry.Tests.Support;

/// <summary>The transfer codes customers gave with their transfer-in order lines, by registration id.</summary>
public sealed class GivenTransferCodes : IIncomingTransferCodes
{
    private readonly Dictionary<string, string> _codes = [];

    public void Give(string registrationId, string code) => _codes[registrationId] = code;

    public Task<string?> ForAsync(string customerId, string registrationId, CancellationToken ct) =>
        Task.FromResult(_codes.GetValueOrDefault(registrationId));

    public Task EraseAsync(string customerId, string registrationId, CancellationToken ct)
    {
        _codes.Remove(registrationId);
        return Task.CompletedTask;
    }
}

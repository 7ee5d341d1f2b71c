using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Registrar.Storage.Metering;

namespace Registrar.Storage.Tests;

/// <summary>Fails the next N storage requests of a kind (as the metering policy names them) on a path
/// containing a given text, as a crash or an outage at that step would: the request never reaches storage.</summary>
public sealed class FaultInjectionPolicy : HttpPipelineSynchronousPolicy
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void FailNext(string kind, string pathContains, int times = 1)
    {
        lock (_gate) _faults.Add(new Fault(kind, pathContains, times));
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var service = request.Uri.Path.Contains("/messages", StringComparison.Ordinal)
            ? StorageService.Queue : StorageService.Table;
        var kind = StorageMeteringPolicy.Classify(service, request.Method.Method, request.Uri.Path, request.Uri.Query);
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Kind == kind && request.Uri.Path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is null) return;
            fault.Remaining--;
        }
        throw new RequestFailedException(503, $"Injected failure of {kind} {request.Uri.Path}");
    }

    private sealed class Fault(string kind, string pathContains, int remaining)
    {
        public string Kind { get; } = kind;
        public string PathContains { get; } = pathContains;
        public int Remaining { get; set; } = remaining;
    }
}

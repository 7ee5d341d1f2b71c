using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Registrar.Functions.Tests;

/// <summary>What the worker's HTTP integration gives a trigger's middleware: the request's HttpContext among the items, and
/// the function's definition by name.</summary>
public sealed class HttpFunctionContext(HttpContext http, string functionName = "head-test") : FunctionContext
{
    public override string InvocationId => "invocation-1";
    public override string FunctionId => functionName;
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; } = http.RequestServices;
    public override FunctionDefinition FunctionDefinition { get; } = new NamedFunction(functionName);
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };
    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class NamedFunction(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(NamedFunction).Assembly.Location;
        public override string EntryPoint => name;
        public override string Id => name;
        public override string Name => name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}

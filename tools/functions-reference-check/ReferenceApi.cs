// The API surface of ../shared/reference/functions-api.md (sections 2-4 and 7) that the Functions
// app may use, with empty bodies. Add a member here only when the reference shows it.
namespace Microsoft.Azure.Functions.Worker
{
    using Microsoft.Extensions.DependencyInjection;
    [AttributeUsage(AttributeTargets.Method)] public sealed class FunctionAttribute(string name) : Attribute { public string Name => name; }
    public enum AuthorizationLevel { Anonymous, User, Function, System, Admin }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class HttpTriggerAttribute : Attribute
    {
        public HttpTriggerAttribute() { }
        public HttpTriggerAttribute(params string[] methods) { }
        public HttpTriggerAttribute(AuthorizationLevel authLevel) { }
        public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) { }
        public string? Route { get; set; }
    }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class QueueTriggerAttribute(string queueName) : Attribute { public string QueueName => queueName; public string? Connection { get; set; } }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class TimerTriggerAttribute(string schedule) : Attribute { public string Schedule => schedule; public bool UseMonitor { get; set; } public bool RunOnStartup { get; set; } }
    public class TimerInfo { public ScheduleStatus? ScheduleStatus { get; set; } public bool IsPastDue { get; set; } }
    public class ScheduleStatus { public DateTime Last { get; set; } public DateTime Next { get; set; } public DateTime LastUpdated { get; set; } }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class OrchestrationTriggerAttribute : Attribute { public string? Orchestration { get; set; } }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class ActivityTriggerAttribute : Attribute { public string? Activity { get; set; } }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class DurableClientAttribute : Attribute { public string? TaskHub { get; set; } public string? ConnectionName { get; set; } }
    public static class FunctionsApplicationInsightsExtensions { public static IServiceCollection ConfigureFunctionsApplicationInsights(this IServiceCollection services) => services; }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class AppInsightsStub { public static IServiceCollection AddApplicationInsightsTelemetryWorkerService(this IServiceCollection services) => services; }
}
namespace Microsoft.Azure.Functions.Worker.Builder
{
    using Microsoft.Extensions.Configuration;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Hosting;
    public static class FunctionsApplication { public static FunctionsApplicationBuilder CreateBuilder(string[] args) => throw null!; }
    public abstract class FunctionsApplicationBuilder
    {
        public abstract ConfigurationManager Configuration { get; }
        public abstract IServiceCollection Services { get; }
        public abstract IHost Build();
    }
    public static class FunctionsApplicationBuilderAspNetCoreExtensions { public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder) => builder; }
}
namespace Microsoft.DurableTask
{
    public readonly struct TaskName { public static implicit operator TaskName(string name) => default; }
    public abstract class TaskOrchestrationContext
    {
        public abstract string InstanceId { get; }
        public abstract DateTime CurrentUtcDateTime { get; }
        public abstract bool IsReplaying { get; }
        public abstract T? GetInput<T>();
        public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);
        public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);
        public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);
        public abstract void SetCustomStatus(object? customStatus);
        public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
    }
    public record TaskOptions { public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(); }
    public class RetryPolicy
    {
        public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null) { }
    }
    public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
}
namespace Microsoft.DurableTask.Client
{
    public enum OrchestrationRuntimeStatus { Running, Completed, ContinuedAsNew, Failed, Canceled, Terminated, Pending, Suspended }
    public sealed class OrchestrationMetadata { public OrchestrationRuntimeStatus RuntimeStatus { get; } public bool IsRunning { get; } public bool IsCompleted { get; } }
    public abstract class DurableTaskClient
    {
        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, CancellationToken cancellation) => throw null!;
        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, CancellationToken cancellation) => throw null!;
        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellation = default) => throw null!;
        public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);
        public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);
        public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw null!;
    }
}
namespace Azure.Communication.Email
{
    using Azure.Core;
    public class EmailClient
    {
        public EmailClient(Uri endpoint, TokenCredential credential, EmailClientOptions? options = null) { }
        public virtual Task<EmailSendOperation> SendAsync(WaitUntil wait, EmailMessage message, Guid operationId, CancellationToken cancellationToken = default) => throw null!;
    }
    public class EmailClientOptions { }
    public class EmailMessage { public EmailMessage(string senderAddress, string recipientAddress, EmailContent content) { } }
    public class EmailContent(string subject) { public string Subject => subject; public string? Html { get; set; } public string? PlainText { get; set; } }
    public class EmailSendOperation { public string Id => ""; public EmailSendResult Value => null!; }
    public class EmailSendResult { public EmailSendStatus Status { get; } }
    public readonly struct EmailSendStatus : IEquatable<EmailSendStatus>
    {
        public static EmailSendStatus Succeeded => default;
        public static bool operator ==(EmailSendStatus a, EmailSendStatus b) => true;
        public static bool operator !=(EmailSendStatus a, EmailSendStatus b) => false;
        public bool Equals(EmailSendStatus other) => true;
        public override bool Equals(object? obj) => obj is EmailSendStatus;
        public override int GetHashCode() => 0;
    }
}

namespace Registrar.Core.Registrations;

/// <summary>The customers' view of their registrations, kept by <see cref="RecordRegistrationView"/> commands.</summary>
public interface IRegistrationViews
{
    /// <summary>Keeps <paramref name="view"/> unless a view with a higher sequence is already kept.</summary>
    Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken);

    IAsyncEnumerable<RegistrationView> ListAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>One registration of one customer: null when it is not theirs or has not started (only a payment starts one).</summary>
    Task<RegistrationView?> GetAsync(string customerId, string registrationId, CancellationToken cancellationToken);

    /// <summary>A registration whoever its customer (operations): null when none has started under that id.</summary>
    Task<RegistrationView?> FindAsync(string registrationId, CancellationToken cancellationToken);
}

namespace Registrar.Core.Registrations;

/// <summary>The customers' view of their registrations, kept by <see cref="RecordRegistrationView"/> commands.</summary>
public interface IRegistrationViews
{
    /// <summary>Keeps <paramref name="view"/> unless a view with a higher sequence is already kept.</summary>
    Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken);

    IAsyncEnumerable<RegistrationView> ListAsync(string customerId, CancellationToken cancellationToken);
}

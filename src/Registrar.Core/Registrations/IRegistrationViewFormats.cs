namespace Registrar.Core.Registrations;

/// <summary>The customers' views kept in an earlier <see cref="RegistrationView.CurrentFormat"/> than this version records: a
/// deploy that raised it has each registration not ended record its view again, once.</summary>
public interface IRegistrationViewFormats
{
    /// <summary>The format every view was last found recorded in, or asked to be recorded again in; 0 before any was.</summary>
    Task<int> FormatReachedAsync(CancellationToken cancellationToken);

    /// <summary>The registrations not ended whose view is of an earlier format.</summary>
    IAsyncEnumerable<string> OutdatedAsync(CancellationToken cancellationToken);

    Task MarkFormatReachedAsync(int format, CancellationToken cancellationToken);
}

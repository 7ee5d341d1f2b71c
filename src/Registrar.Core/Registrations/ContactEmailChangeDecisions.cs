using Registrar.Core.Requests;

namespace Registrar.Core.Registrations;

/// <summary>
/// UA-4.7, KZ-2.2: the contact e-mail is where every proof of a request goes, so under the `.ua` offer changing it needs the
/// registrar's consent on top of the customer's proof: a proved change waits for operations, and only their approval
/// changes the address. Under the `.kz` offer the customer's proved notice of a new address is enough (KZ-2.2, KZ-2.6), so
/// a customer with no `.ua` contract changes it at once. Either way the old address is told, so an owner whose account was
/// taken over hears of it.
/// </summary>
internal static class ContactEmailChangeDecisions
{
    /// <summary>The clause whose consent step a held change goes through (the API decides which changes need it).</summary>
    private const string ConsentRule = "UA-4.7";

    public static void Hold(RegistrationStep step, string requestId, ContactEmailChangeRequest request)
    {
        step.Update(s => s with { ContactEmailChange = new ContactEmailChange(requestId, request.Email) });
        // The address itself is read from the consent queue (GET /api/ops/queues): a flag and its review item outlive the
        // erasure of the customer's personal data (UA-Pre-6), the request record does not.
        step.Flag($"Request {requestId} asks to change the contact e-mail of {step.State.Order!.DisplayName} to the address the consent "
            + $"queue at /api/ops/queues shows: approve or refuse it at /api/ops/requests/{requestId}/consent (UA-4.7, KZ-2.2).");
    }

    public static void OnReviewed(RegistrationStep step, ContactEmailChangeReviewed reviewed)
    {
        var order = step.State.Order;
        if (order is null || step.State.ContactEmailChange is not { } change || change.RequestId != reviewed.RequestId)
        {
            step.Flag($"{reviewed.ReviewedBy} reviewed contact e-mail change {reviewed.RequestId}, but registration "
                + $"{step.State.RegistrationId} holds no such change: nothing was changed (UA-4.7).");
            return;
        }
        step.Update(s => s with { ContactEmailChange = null });
        if (!reviewed.Approved)
        {
            step.Notify(NoticeKind.ContactEmailChangeRefused, new NoticeFacts(RequestId: change.RequestId));
            return;
        }
        Change(step, change.RequestId, change.Email, ConsentRule);
    }

    /// <param name="consentRule">The clause the registrar consented under; null for a change that needed no consent.</param>
    public static void Change(RegistrationStep step, string requestId, string email, string? consentRule)
    {
        var order = step.State.Order!;
        step.Update(s => s with { Order = order with { ContactEmail = email } });
        step.Notify(NoticeKind.ContactEmailChanged,
            new NoticeFacts(RequestId: requestId, ContactEmail: email, Clause: consentRule is null ? null : OperationsDecisions.Clause(consentRule)),
            to: order.ContactEmail);
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;

namespace Registrar.Mail;

/// <summary>Turns a notice the lifecycle decided on into the mail the customer reads, in the language of the zone's offer.</summary>
public sealed class NoticeComposer(IOptions<NoticeOptions> options, SetPasswordLinks links)
{
    private readonly NoticeOptions _options = options.Value;

    public MailMessage Compose(SendNotice notice, DateTimeOffset now)
    {
        var name = notice.DomainName;
        var language = _options.LanguageByZone.GetValueOrDefault(notice.Zone, "ru");
        // UA-2.1.2: the welcome mail carries a set-password link, never a password.
        var link = notice.Kind == NoticeKind.Registered ? links.Create(notice.CustomerId, notice.CommandId, now) : null;
        var (subject, text) = (notice.Kind, language) switch
        {
            (NoticeKind.Registered, "uk") => ($"Домен {name} зареєстровано",
                $"Домен {name} зареєстровано на ваше ім'я. Встановіть пароль до панелі керування за посиланням:"),
            (NoticeKind.Registered, _) => ($"Домен {name} зарегистрирован",
                $"Домен {name} зарегистрирован на ваше имя. Задайте пароль к панели управления по ссылке:"),
            (NoticeKind.NameTaken, "uk") => ($"Домен {name} вже зайнято",
                $"Поки ми реєстрували {name}, його зареєстрував інший заявник. Оберіть інше ім'я або повернення коштів; кошти утримуються до вашого рішення."),
            (NoticeKind.NameTaken, _) => ($"Домен {name} уже занят",
                $"Пока мы регистрировали {name}, его оформил другой заявитель. Выберите другое имя или возврат оплаты; средства удерживаются до вашего решения."),
            (NoticeKind.TrademarkRejected, "uk") => ($"Реєстрацію {name} не схвалено",
                $"Торговельна марка не відповідає імені {name}, тому домен не може бути зареєстровано. Ми зв'яжемося з вами щодо коштів."),
            (NoticeKind.TrademarkRejected, _) => ($"Регистрация {name} не одобрена",
                $"Товарный знак не соответствует имени {name}, поэтому домен не может быть зарегистрирован. Мы свяжемся с вами по поводу оплаты."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "No template for this notice."),
        };
        var plain = link is null ? text : $"{text}\n{link}";
        var html = $"<p>{WebUtility.HtmlEncode(text)}</p>" +
                   (link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>");
        return new MailMessage(notice.CommandId, notice.To, subject, plain, html);
    }
}

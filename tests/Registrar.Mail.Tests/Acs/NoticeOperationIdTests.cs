using Registrar.Mail.Acs;

namespace Registrar.Mail.Tests.Acs;

public class NoticeOperationIdTests
{
    [Fact]
    public void The_same_notice_always_gets_the_same_operation_id()
    {
        Assert.Equal(NoticeOperationId.For("r-1001:c3"), NoticeOperationId.For("r-1001:c3"));
    }

    [Fact]
    public void Different_notices_get_different_operation_ids()
    {
        Assert.NotEqual(NoticeOperationId.For("r-1001:c3"), NoticeOperationId.For("r-1001:c4"));
    }

    [Fact]
    public void The_operation_id_is_a_version_8_uuid_with_the_rfc_variant()
    {
        string text = NoticeOperationId.For("r-1001:c3").ToString();

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_notice_id_is_refused(string noticeId)
    {
        Assert.Throws<ArgumentException>(() => NoticeOperationId.For(noticeId));
    }
}

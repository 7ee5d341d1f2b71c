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
    public void A_notices_first_send_keeps_the_id_earlier_versions_gave_it_and_each_later_send_has_its_own()
    {
        Assert.Equal(NoticeOperationId.For("r-1001:c3"), NoticeOperationId.For("r-1001:c3", 1));
        // The id a version before sends were numbered gave this notice: a send it started is still found.
        Assert.Equal(Guid.Parse("b2296d99-3688-84dd-9e09-52498b18bd95"), NoticeOperationId.For("r-1001:c3"));
        Assert.NotEqual(NoticeOperationId.For("r-1001:c3", 1), NoticeOperationId.For("r-1001:c3", 2));
        Assert.NotEqual(NoticeOperationId.For("r-1001:c3", 2), NoticeOperationId.For("r-1001:c3", 3));
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

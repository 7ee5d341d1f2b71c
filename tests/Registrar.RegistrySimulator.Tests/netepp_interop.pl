#!/usr/bin/perl
# Interoperability check of the registry simulator with a client nobody here wrote: Net::EPP
# (Debian libnet-epp-perl). Frames are built with Net::EPP::Frame; each step prints
# "STEP <name> <result code>" so the xunit test can assert on them.
# Usage: perl netepp_interop.pl PORT CLID PASSWORD SUFFIX
use strict;
use warnings;
use Net::EPP::Client;
use Net::EPP::Frame;
use IO::Socket::SSL qw(SSL_VERIFY_NONE);

my ($port, $clid, $password, $suffix) = @ARGV;
die "usage: $0 PORT CLID PASSWORD SUFFIX\n" unless defined $suffix;

my $domain  = "netepp-$suffix.kz";
my $contact = "np$suffix";
my $ns_domain = 'urn:ietf:params:xml:ns:domain-1.0';
my $ns_contact = 'urn:ietf:params:xml:ns:contact-1.0';
my $trid = 0;

# The simulator's certificate is self-signed and made at start, so it cannot be verified.
my $epp = Net::EPP::Client->new(host => '127.0.0.1', port => $port, ssl => 1, frames => 1);
my $greeting = $epp->connect(SSL_verify_mode => SSL_VERIFY_NONE);
my $svid = $greeting->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'svID')->shift->textContent;
print "GREETING $svid\n";

sub send_command {
    my ($name, $frame) = @_;
    $frame->clTRID->appendText(sprintf('NETEPP-%s-%d', $suffix, ++$trid));
    my $answer = $epp->request($frame);
    my $result = $answer->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'result')->shift;
    my $code = $result->getAttribute('code');
    my $msg = $result->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'msg')->shift->textContent;
    print "STEP $name $code $msg\n";
    return $answer;
}

sub text_of {
    my ($doc, $ns, $tag) = @_;
    my $node = $doc->getElementsByTagNameNS($ns, $tag)->shift;
    return defined $node ? $node->textContent : '';
}

my $login = Net::EPP::Frame::Command::Login->new;
$login->clID->appendText($clid);
$login->pw->appendText($password);
$login->version->appendText('1.0');
$login->lang->appendText('en');
for my $uri ($ns_domain, $ns_contact, 'urn:ietf:params:xml:ns:host-1.0') {
    my $obj = $login->createElement('objURI');
    $obj->appendText($uri);
    $login->svcs->appendChild($obj);
}
send_command('login', $login);

my $check = Net::EPP::Frame::Command::Check::Domain->new;
$check->addDomain($domain);
my $checked = send_command('check', $check);
my $avail = $checked->getElementsByTagNameNS($ns_domain, 'name')->shift->getAttribute('avail');
print "AVAIL $domain $avail\n";

my $create_contact = Net::EPP::Frame::Command::Create::Contact->new;
$create_contact->setContact($contact);
$create_contact->addPostalInfo('int', 'Net EPP Tester', 'CentralNic interop',
    { street => ['1 Abay Avenue'], city => 'Almaty', sp => 'Almaty', pc => '050000', cc => 'KZ' });
$create_contact->setVoice('+7.7271234567');
$create_contact->setEmail('netepp@example.kz');
$create_contact->setAuthInfo('contact-secret');
send_command('contact-create', $create_contact);

my $create = Net::EPP::Frame::Command::Create::Domain->new;
$create->setDomain($domain);
$create->setPeriod(1);
$create->setRegistrant($contact);
$create->setContacts({ admin => $contact, tech => $contact });
$create->setAuthInfo('domain-secret');
my $created = send_command('domain-create', $create);
print "CREATED " . text_of($created, $ns_domain, 'exDate') . "\n";

my $info = Net::EPP::Frame::Command::Info::Domain->new;
$info->setDomain($domain);
my $informed = send_command('domain-info', $info);
my $exdate = text_of($informed, $ns_domain, 'exDate');
print "INFO " . text_of($informed, $ns_domain, 'registrant') . " $exdate\n";

my $renew = Net::EPP::Frame::Command::Renew::Domain->new;
$renew->setDomain($domain);
$renew->setCurExpDate(substr($exdate, 0, 10));
$renew->setPeriod(2);
my $renewed = send_command('domain-renew', $renew);
print "RENEWED " . text_of($renewed, $ns_domain, 'exDate') . "\n";

send_command('logout', Net::EPP::Frame::Command::Logout->new);
$epp->disconnect;
print "DONE\n";

#!/usr/bin/perl
# Net::EPP (Debian libnet-epp-perl) against the registry simulator: log in, send domain:check for
# a fixed number of seconds on one session, log out, print checks_per_second=N, the checks sent
# (checks=N) and the CPU time this process spent over them (cpu_us=N) and per check (cpu_us_per_check=N).
# Usage: perl net-epp-check.pl HOST PORT CLID PASSWORD SECONDS
use strict;
use warnings;
use Net::EPP::Client;
use Time::HiRes qw(time);

my ($host, $port, $clid, $pw, $seconds) = @ARGV;
die "usage: $0 HOST PORT CLID PASSWORD SECONDS\n" unless defined $seconds;

# The simulator's certificate is self-signed and made fresh at each start; the benchmark only
# measures throughput on loopback, so this client does not verify it.
my $epp = Net::EPP::Client->new(host => $host, port => $port, ssl => 1, verify => 0);
$epp->connect(SSL_verify_mode => 0) or die "connect failed: $!\n";

my $n = 0;
sub request {
    my ($xml) = @_;
    my $answer = $epp->request($xml);
    die "no answer\n" unless defined $answer;
    # Net::EPP returns the frame as a string (or a DOM, depending on version and options).
    my $text = ref($answer) ? $answer->toString : $answer;
    my ($code) = $text =~ /<result code="(\d+)"/;
    die "unexpected answer: $text\n" unless defined $code && $code =~ /^1/;
    return $answer;
}
sub frame { my ($body) = @_; $n++;
    return qq{<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>$body<clTRID>NETEPP-$n</clTRID></command></epp>}; }

request(frame(qq{<login><clID>$clid</clID><pw>$pw</pw><options><version>1.0</version><lang>en</lang></options>}
    . q{<svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:contact-1.0</objURI>}
    . q{<objURI>urn:ietf:params:xml:ns:host-1.0</objURI></svcs></login>}));

my $check = q{<check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>bench-example.kz</domain:name></domain:check></check>};
request(frame($check)) for 1 .. 500;    # warm-up

my ($count, $start) = (0, time);
my ($user0, $system0) = times;
while (time - $start < $seconds) { request(frame($check)); $count++; }
my $elapsed = time - $start;
my ($user1, $system1) = times;

request(frame('<logout/>'));
$epp->disconnect;
printf "checks_per_second=%.1f\n", $count / $elapsed;
printf "checks=%d\n", $count;
printf "cpu_us=%.0f\n", 1e6 * ($user1 - $user0 + $system1 - $system0);
printf "cpu_us_per_check=%.1f\n", 1e6 * ($user1 - $user0 + $system1 - $system0) / $count;

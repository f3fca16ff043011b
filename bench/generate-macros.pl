#!/usr/bin/perl
# Expands the macros of bench/generate.sql, written like function calls, into inline SQL (a stored function call costs
# MariaDB several microseconds a row, an inline expression a fraction of one; at a million rows that is minutes):
#   gen_wd(d)            the weekdays from 2000-01-03 (a Monday) up to the date d included
#   gen_wd_add(d, k)     the k-th weekday after d (working days without holidays)
#   gen_number(p, n, d)  case n's number as CaseNumbers writes them (CP-2026-7KQ4-M2XD): the 8 characters are n through
#                        an odd multiplier modulo 2^40 in Crockford's base 32, a bijection, so unique without a check
# Used by bench/generate.sh: perl bench/generate-macros.pl < generate.sql | mysql ...
use strict; use warnings;
local $/; my $sql = <STDIN>;
my %macro = (
  gen_wd     => sub { my ($d) = @_; "(5 * (DATEDIFF($d, '2000-01-03') DIV 7) + LEAST(DATEDIFF($d, '2000-01-03') MOD 7 + 1, 5))" },
  gen_wd_add => sub { my ($d, $k) = @_; my $m = "(gen_wd($d) + ($k) - 1)"; "(DATE '2000-01-03' + INTERVAL (7 * ($m DIV 5) + $m MOD 5) DAY)" },
  gen_number => sub { my ($p, $n, $d) = @_; my $x = "((($n) * 1103515245 + 12345) MOD 1099511627776)";
                      my @c = map { "SUBSTR('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (($x >> " . 5 * (7 - $_) . ") & 31) + 1, 1)" } 0 .. 7;
                      "CONCAT($p, '-', YEAR($d), '-', " . join(', ', @c[0 .. 3]) . ", '-', " . join(', ', @c[4 .. 7]) . ")" },
);
my $names = join '|', sort { length $b <=> length $a } keys %macro;
while ($sql =~ /\b($names)\(/g) {
  my ($name, $start, $pos, $depth, @args, $arg) = ($1, $-[0], $+[0], 1, ());
  $arg = '';
  while ($depth > 0) {
    my $ch = substr($sql, $pos++, 1);
    die "unbalanced $name" if $ch eq '';
    if ($ch eq "'") { my $end = index($sql, "'", $pos); $arg .= $ch . substr($sql, $pos, $end - $pos + 1); $pos = $end + 1; next }
    $depth++ if $ch eq '(';
    $depth-- if $ch eq ')';
    if ($depth == 1 && $ch eq ',') { push @args, $arg; $arg = ''; next }
    $arg .= $ch if $depth > 0;
  }
  push @args, $arg;
  s/^\s+|\s+$//g for @args;
  substr($sql, $start, $pos - $start) = $macro{$name}->(@args);
  pos($sql) = $start;
}
print $sql;

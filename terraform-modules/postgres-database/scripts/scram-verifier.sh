#!/bin/sh
# Prints the SCRAM-SHA-256 verifier of $OWNER_PASSWORD, as PostgreSQL stores it:
#   SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>   (RFC 5802/7677, base64)
# ALTER ROLE ... PASSWORD '<verifier>' then stores it as is, so the password never reaches the
# server as SQL text (a server logging DDL would record it).
# The password and the key material (SaltedPassword, ClientKey) never appear on a command line,
# which any local user can read in /proc: the password reaches openssl through its environment
# (-pass env:), keys travel through pipes, and the bytes are built by shell builtins (printf).
# Tools: sh, openssl 3. PostgreSQL SASLpreps the password first; for the ASCII passwords the
# module generates that is the identity.
set -eu

: "${OWNER_PASSWORD:?OWNER_PASSWORD is required}"
ITERATIONS=4096

# The bytes of a hex string, on stdout.
bytes() {
  rest=$1 format=''
  while [ -n "$rest" ]; do
    pair=${rest%"${rest#??}"}
    rest=${rest#??}
    format="$format\\$(printf '%03o' $((0x$pair)))"
  done
  printf "$format"
}

# SHA-256 of stdin, in hex.
sha256_hex() {
  digest=$(openssl dgst -sha256 -r)
  printf '%s' "${digest%% *}"
}

# HMAC-SHA-256 (RFC 2104) in hex: $1 the key in hex (at most one 64-byte block), $2 the message.
hmac_hex() {
  rest=$1 inner_pad='' outer_pad='' i=0
  while [ $i -lt 64 ]; do
    if [ -n "$rest" ]; then
      pair=${rest%"${rest#??}"}
      rest=${rest#??}
    else
      pair=00
    fi
    inner_pad="$inner_pad$(printf '%02x' $((0x$pair ^ 0x36)))"
    outer_pad="$outer_pad$(printf '%02x' $((0x$pair ^ 0x5c)))"
    i=$((i + 1))
  done
  inner=$({ bytes "$inner_pad"; printf '%s' "$2"; } | sha256_hex)
  { bytes "$outer_pad"; bytes "$inner"; } | sha256_hex
}

base64_of_hex() {
  bytes "$1" | openssl base64 -A
}

# openssl enc takes an 8-byte salt; PostgreSQL accepts any salt length in a verifier.
salt=$(openssl rand -hex 8)
# PBKDF2-HMAC-SHA-256: the first 32 bytes of enc's derived key+iv are exactly PBKDF2 with a
# 32-byte output (PBKDF2 blocks are independent), i.e. SCRAM's SaltedPassword.
derived=$(openssl enc -aes-256-cbc -pbkdf2 -iter "$ITERATIONS" -md sha256 -S "$salt" -pass env:OWNER_PASSWORD -P)
salted_password=${derived#*key=}
salted_password=${salted_password%%[!0-9A-Fa-f]*}
[ ${#salted_password} -eq 64 ] || { echo "scram-verifier.sh: openssl did not derive a key" >&2; exit 1; }

client_key=$(hmac_hex "$salted_password" "Client Key")
stored_key=$(bytes "$client_key" | sha256_hex)
server_key=$(hmac_hex "$salted_password" "Server Key")

printf 'SCRAM-SHA-256$%s:%s$%s:%s\n' "$ITERATIONS" "$(base64_of_hex "$salt")" \
  "$(base64_of_hex "$stored_key")" "$(base64_of_hex "$server_key")"

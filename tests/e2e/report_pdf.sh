#!/usr/bin/env bash
# report --format pdf: the HTML printed by a real headless Chromium, read back with pdftotext;
# a screenshot of the HTML in the same browser; no browser, or one that fails, exits 1 saying
# what to do and leaves --output as it was. The PDF and the screenshot are kept under
# $CSO_ARTIFACTS (the build directory's test-artifacts/) for a person to look at.
source "$(dirname "$0")/lib.bash"
fresh
cso risk add "Ransomware encrypts file servers" --likelihood 4 --impact 5 --owner alice >/dev/null
cso risk add "Phishing <b>leads</b> to credential theft" --likelihood 3 --impact 4 --owner bob >/dev/null
artifacts=${CSO_ARTIFACTS:-$TMP/artifacts}
mkdir -p "$artifacts"

ok cso report risk-register --format pdf --output register.pdf
out_is ""
[ "$(head -c 5 register.pdf)" == "%PDF-" ] || fail "register.pdf is not a PDF"
pdftotext -layout register.pdf register.txt
for text in "Risk register" "RSK-1" "Ransomware encrypts file servers" "Phishing <b>leads</b> to credential theft" "alice"; do
  grep -qF -- "$text" register.txt || fail "the PDF's text lacks '$text'"
  checks=$((checks + 1))
done
cp register.pdf "$artifacts/risk-register.pdf"
# --format from the extension; a PDF needs --output.
ok cso report risk-register --output again.pdf
[ "$(head -c 5 again.pdf)" == "%PDF-" ] || fail "--output again.pdf is not a PDF"
checks=$((checks + 1))
expect_exit 2 cso report risk-register --format pdf
err_has "--format pdf: give --output FILE.pdf"

# The HTML in the same browser: a screenshot for a person to look at.
ok cso report risk-register --output register.html
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/profile" --window-size=1280,900 \
  --screenshot="$artifacts/risk-register.png" "file://$TMP/register.html" >/dev/null 2>&1
[ -s "$artifacts/risk-register.png" ] || fail "no screenshot"
checks=$((checks + 1))

# No browser: exit 1 saying how to install one; the old file stays.
echo previous >kept.pdf
PATH=/nonexistent expect_exit 1 "$CSO" report risk-register --format pdf --output kept.pdf
err_has "apt-get install chromium"
err_has "CSO_CHROMIUM"
CSO_CHROMIUM=/bin/false expect_exit 1 cso report risk-register --output kept.pdf
err_has "--format pdf: /bin/false did not print the report (exit 1)"
CSO_CHROMIUM=$TMP/none expect_exit 1 cso report risk-register --output kept.pdf
err_has "CSO_CHROMIUM: $TMP/none is not an executable file"
[ "$(cat kept.pdf)" == "previous" ] || fail "a failed PDF changed --output"
ls -a | grep -q '\.tmp-' && fail "a temporary file was left: $(ls -a)"
checks=$((checks + 2))
done_ok

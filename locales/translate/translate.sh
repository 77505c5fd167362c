#!/usr/bin/env bash
# Translation round trip with goi18n, one message file per area (see README, "Translating").
#
#   locales/translate/translate.sh todo  LANG   writes locales/translate/LANG/AREA.translate.LANG.json:
#                                               every message LANG lacks or whose English changed,
#                                               with the English text to replace
#   locales/translate/translate.sh merge LANG   folds the translated files back into
#                                               locales/messages/AREA.LANG.json
set -euo pipefail
GOI18N="${GOI18N:-go run github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0}"
cmd="${1:-}"; lang="${2:-}"
if [[ ! "$cmd" =~ ^(todo|merge)$ || ! "$lang" =~ ^[a-z]{2,3}(-[A-Za-z0-9]+)*$ || "$lang" == en ]]; then
  echo "usage: $0 todo|merge LANG   (LANG is a language code such as bg, not en)" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
messages="$here/../messages"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/$lang"
for en in "$messages"/*.en.json; do
  area="$(basename "$en" .en.json)"
  out="$work/$area"
  mkdir -p "$out"
  current="$messages/$area.$lang.json"
  [[ -f "$current" ]] || current="$work/$area.empty.$lang.json"
  [[ -f "$current" ]] || echo '{}' > "$current"
  todo="$here/$lang/$area.translate.$lang.json"
  case "$cmd" in
    todo)
      # The English file's hashes mark messages whose English changed since they were translated.
      $GOI18N merge -sourceLanguage en -format json -outdir "$out" "$en" "$current"
      if [[ -s "$out/translate.$lang.json" && "$(tr -d ' \n' < "$out/translate.$lang.json")" != "{}" ]]; then
        cp "$out/translate.$lang.json" "$todo"
        echo "to translate: ${todo#$PWD/}"
      else
        rm -f "$todo"
      fi
      ;;
    merge)
      [[ -f "$todo" ]] || continue
      $GOI18N merge -sourceLanguage en -format json -outdir "$out" "$en" "$current" "$todo"
      cp "$out/active.$lang.json" "$messages/$area.$lang.json"
      rm -f "$todo"
      echo "merged: locales/messages/$area.$lang.json"
      ;;
  esac
done
rmdir "$here/$lang" 2>/dev/null || true

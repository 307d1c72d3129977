#!/usr/bin/env zsh
# zsh_complete.zsh FPATH_DIR OUT LINE...: starts an interactive zsh in a pseudo-terminal
# (zsh/zpty) with compsys loaded from FPATH_DIR, types each LINE followed by TAB, and writes
# the matches compsys offers, one a line, to OUT (LINE's matches after a line "== LINE").
# compadd is wrapped so that every match added is also written down; a post-function marks
# the end of each completion. Used by completion_zsh.sh.
emulate -L zsh
zmodload zsh/zpty
local dir=$1 out=$2
shift 2
local rc=$out.rc
cat >$rc <<RC
PS1='> '
PROMPT_EOL_MARK=''
LISTMAX=100000
fpath=($dir \$fpath)
autoload -Uz compinit
compinit -u -d $out.zcompdump
zstyle ':completion:*' list-prompt ''
zstyle ':completion:*' menu no
unsetopt automenu
__capture_done() { print -r -- '== done' >>$out.matches }
# comppostfuncs is emptied after each completion: TAB sets it again, then completes.
__capture_complete() {
  comppostfuncs=(__capture_done)
  zle complete-word
}
zle -N __capture_complete
bindkey -e
bindkey '^I' __capture_complete
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
    builtin compadd "\$@"
    return
  fi
  local -a __matches
  builtin compadd -A __matches "\$@"
  (( \$#__matches )) && print -rl -- \$__matches >>$out.matches
  builtin compadd "\$@"
}
print -r -- '== ready' >>$out.matches
RC
: >$out.matches
: >$out
zpty cso zsh -f -i
zpty -w cso "source $rc"
wait_for() {
  local i
  for i in {1..100}; do
    [[ $(tail -n 1 $out.matches 2>/dev/null) == "$1" ]] && return 0
    sleep 0.05
  done
  print -u2 "zsh_complete: no '$1' for: $2"
  return 1
}
wait_for '== ready' setup || { zpty -d cso; return 1 }
local line
for line in "$@"; do
  : >$out.matches
  zpty -n -w cso "$line"$'\t'
  wait_for '== done' "$line" || { zpty -d cso; return 1 }
  # Clear the line for the next one (Ctrl-U kills it whatever was inserted).
  zpty -n -w cso $'\C-u'
  print -r -- "== $line" >>$out
  grep -v '^== ' $out.matches | sort -u >>$out
done
zpty -d cso
return 0

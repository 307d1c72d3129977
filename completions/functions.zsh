
# The rest is the same for every cso: completions/functions.zsh in cso's source.

# Succeeds when OPTION takes a value in command PATH or a command above it.
_cso_takes_value() {
    local p=$1
    while :; do
        [[ ${_cso_valued[$p]-} == *" $2 "* ]] && return 0
        [[ $p == cso ]] && return 1
        p=${p% *}
    done
}

# Sets REPLY to the hint of KEY in PATH or a command above it.
_cso_hint() {
    local p=$1
    REPLY=""
    while :; do
        if (( ${+_cso_hints[$p|$2]} )); then
            REPLY=${_cso_hints[$p|$2]}
            return 0
        fi
        [[ $p == cso ]] && return 1
        p=${p% *}
    done
}

# Offers the values a hint stands for, after the last comma of a list.
_cso_values() {
    local hint=$1
    local -a vals
    compset -P '*,'
    case $hint in
        '='*) vals=(${=hint#=}) ;;
        '@') vals=(${(f)"$(${_cso_bin} ${_cso_db[@]} __complete handles "$PREFIX" 2>/dev/null)"}) ;;
        '#'*) vals=(${(f)"$(${_cso_bin} ${_cso_db[@]} __complete ids "${hint#?}" "$PREFIX" 2>/dev/null)"}) ;;
        '!') return 1 ;;
        *) _files; return ;;
    esac
    compadd -a vals
}

_cso() {
    local _cso_bin=${words[1]} cmd=cso pending="" w i npos=0 dashdash=0
    local -a _cso_db
    for (( i = 2; i < CURRENT; i++ )); do
        w=${words[i]}
        if [[ -n $pending ]]; then
            [[ $pending == --db || $pending == --config ]] && _cso_db+=("$pending" "$w")
            pending=""
            continue
        fi
        if (( dashdash == 0 )) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                dashdash=1
            elif [[ $w == --*=* ]]; then
                [[ $w == --db=* || $w == --config=* ]] && _cso_db+=("$w")
            elif _cso_takes_value "$cmd" "$w"; then
                pending=$w
            fi
            continue
        fi
        if (( npos == 0 && dashdash == 0 )) && [[ -n ${_cso_subs[$cmd]-} ]] &&
            (( ${${(f)_cso_subs[$cmd]}[(I)$w:*]} )); then
            cmd="$cmd $w"
            continue
        fi
        (( npos++ ))
    done
    if [[ -n $pending ]]; then
        _cso_hint "$cmd" "$pending"
        _cso_values "$REPLY"
    elif (( dashdash == 0 )) && [[ $PREFIX == --*=* ]]; then
        local option=${PREFIX%%=*}
        compset -P '*='
        _cso_hint "$cmd" "$option"
        _cso_values "$REPLY"
    elif (( dashdash == 0 )) && [[ $PREFIX == -* ]]; then
        local p=$cmd
        local -a flags
        while :; do
            [[ -n ${_cso_flags[$p]-} ]] && flags+=(${(f)_cso_flags[$p]})
            [[ $p == cso ]] && break
            p=${p% *}
        done
        _describe -t options 'option' flags
    elif (( npos == 0 )) && [[ -n ${_cso_subs[$cmd]-} ]]; then
        local -a subs
        subs=(${(f)_cso_subs[$cmd]})
        _describe -t commands 'cso command' subs
    else
        _cso_hint "$cmd" "#$(( npos + 1 ))" || _cso_hint "$cmd" "*"
        _cso_values "$REPLY"
    fi
}

if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then
    _cso "$@"
else
    compdef _cso cso
fi

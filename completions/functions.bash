
# The rest is the same for every cso: completions/functions.bash in cso's source.

# Succeeds when OPTION takes a value in command PATH (or in a command above it: options
# fall through).
_cso_takes_value() {
    local p=$1
    while :; do
        [[ ${_cso_valued[$p]-} == *" $2 "* ]] && return 0
        [[ $p == cso ]] && return 1
        p=${p% *}
    done
}

# The hint of KEY ("--owner", "#1") in PATH or a command above it.
_cso_hint() {
    local p=$1
    while :; do
        if [[ -n ${_cso_hints["$p|$2"]+set} ]]; then
            printf '%s' "${_cso_hints["$p|$2"]}"
            return 0
        fi
        [[ $p == cso ]] && return 1
        p=${p% *}
    done
}

# Offers the values HINT stands for, completing the last item of a comma-separated list.
_cso_values() {
    local hint=$1 pre="" part=$cur words_list
    if [[ $cur == *,* ]]; then
        pre=${cur%,*},
        part=${cur##*,}
    fi
    case $hint in
        =*) words_list=${hint#=} ;;
        @) words_list=$("$_cso_bin" "${_cso_db[@]}" __complete handles "$part" 2>/dev/null) ;;
        \#*) words_list=$("$_cso_bin" "${_cso_db[@]}" __complete ids "${hint#\#}" "$part" 2>/dev/null) ;;
        !) COMPREPLY=(); return ;;
        *)
            compopt -o default 2>/dev/null
            COMPREPLY=()
            return
            ;;
    esac
    local IFS=$' \t\n'
    # shellcheck disable=SC2207
    COMPREPLY=($(compgen -P "$pre" -W "$words_list" -- "$part"))
}

_cso() {
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    local _cso_bin=${words[0]} path=cso pending="" w i npos=0 dashdash=0
    local -a _cso_db=()
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if [[ -n $pending ]]; then
            [[ $pending == --db || $pending == --config ]] && _cso_db+=("$pending" "$w")
            pending=""
            continue
        fi
        if ((dashdash == 0)) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                dashdash=1
            elif [[ $w == --*=* ]]; then
                [[ $w == --db=* || $w == --config=* ]] && _cso_db+=("$w")
            elif _cso_takes_value "$path" "$w"; then
                pending=$w
            fi
            continue
        fi
        if ((npos == 0 && dashdash == 0)) && [[ " ${_cso_subs[$path]-} " == *" $w "* ]]; then
            path="$path $w"
            continue
        fi
        ((npos++))
    done
    if [[ $split == true ]]; then
        _cso_values "$(_cso_hint "$path" "$prev")"
    elif [[ -n $pending ]]; then
        _cso_values "$(_cso_hint "$path" "$pending")"
    elif ((dashdash == 0)) && [[ $cur == -* ]]; then
        local p=$path all=""
        while :; do
            all+=" ${_cso_flags[$p]-}"
            [[ $p == cso ]] && break
            p=${p% *}
        done
        local IFS=$' \t\n'
        # shellcheck disable=SC2207
        COMPREPLY=($(compgen -W "$all" -- "$cur"))
    elif ((npos == 0)) && [[ -n ${_cso_subs[$path]-} ]]; then
        local IFS=$' \t\n'
        # shellcheck disable=SC2207
        COMPREPLY=($(compgen -W "${_cso_subs[$path]}" -- "$cur"))
    else
        local hint
        hint=$(_cso_hint "$path" "#$((npos + 1))") || hint=$(_cso_hint "$path" "*")
        _cso_values "$hint"
    fi
}

complete -F _cso cso

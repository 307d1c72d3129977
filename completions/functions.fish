
# The rest is the same for every cso: completions/functions.fish in cso's source.

# Walks the words typed so far: sets __cso_path (the command they name), __cso_npos (the
# arguments given), __cso_pending (an option waiting for its value), __cso_dashdash and
# __cso_db (the --db and --config options, for __complete).
function __cso_walk
    set -l tokens (commandline -opc)
    set -g __cso_bin $tokens[1]
    set -g __cso_path cso
    set -g __cso_npos 0
    set -g __cso_pending ''
    set -g __cso_dashdash 0
    set -g __cso_db
    for w in $tokens[2..-1]
        if test -n "$__cso_pending"
            if contains -- $__cso_pending --db --config
                set -a __cso_db $__cso_pending $w
            end
            set __cso_pending ''
            continue
        end
        if test $__cso_dashdash -eq 0; and string match -qr -- '^-.' $w
            if test "$w" = --
                set __cso_dashdash 1
            else if string match -q -- '--*=*' $w
                string match -qr -- '^--(db|config)=' $w; and set -a __cso_db $w
            else if __cso_takes_value "$__cso_path" $w
                set __cso_pending $w
            end
            continue
        end
        if test $__cso_npos -eq 0 -a $__cso_dashdash -eq 0
            if contains -- $w (string split ' ' -- (__cso_subs "$__cso_path"))
                set __cso_path "$__cso_path $w"
                continue
            end
        end
        set __cso_npos (math $__cso_npos + 1)
    end
end

# The command above PATH ("cso" above "cso risk").
function __cso_parent
    string replace -r -- ' [^ ]+$' '' $argv[1]
end

function __cso_takes_value
    set -l p $argv[1]
    while true
        if string match -q -- "* $argv[2] *" (__cso_valued "$p")
            return 0
        end
        test "$p" = cso; and return 1
        set p (__cso_parent "$p")
    end
end

function __cso_hint
    set -l p $argv[1]
    while true
        if __cso_hints "$p|$argv[2]"
            return 0
        end
        test "$p" = cso; and return 1
        set p (__cso_parent "$p")
    end
end

# Where PATH's subcommands are expected.
function __cso_at
    __cso_walk
    test "$__cso_path" = "$argv[1]" -a $__cso_npos -eq 0 -a $__cso_dashdash -eq 0 -a -z "$__cso_pending"
end

# Within PATH (or below it), where options are offered.
function __cso_in
    __cso_walk
    test $__cso_dashdash -eq 0; or return 1
    test "$__cso_path" = "$argv[1]"; or string match -q -- "$argv[1] *" "$__cso_path"
end

# The values a hint stands for, after the last comma of a list.
function __cso_values
    set -l hint $argv[1]
    set -l cur (commandline -ct)
    set -l pre ''
    if string match -q -- '*,*' $cur
        set pre (string replace -r -- '[^,]*$' '' $cur)
        set cur (string replace -r -- '^.*,' '' $cur)
    end
    __cso_walk
    switch $hint
        case '=*'
            set -l vals (string split ' ' -- (string sub -s 2 -- $hint))
            printf "$pre%s\n" $vals
        case '@'
            printf "$pre%s\n" ($__cso_bin $__cso_db __complete handles $cur 2>/dev/null)
        case '#*'
            printf "$pre%s\n" ($__cso_bin $__cso_db __complete ids (string sub -s 2 -- $hint) $cur 2>/dev/null)
    end
end

# At an argument with a hint.
function __cso_argument
    __cso_walk
    test -z "$__cso_pending"; or return 1
    test -z "$(__cso_subs "$__cso_path")" -o $__cso_npos -gt 0 -o $__cso_dashdash -eq 1; or return 1
    __cso_hint "$__cso_path" "#"(math $__cso_npos + 1) >/dev/null; or __cso_hint "$__cso_path" '*' >/dev/null
end

function __cso_argument_values
    __cso_walk
    set -l hint (__cso_hint "$__cso_path" "#"(math $__cso_npos + 1)); or set hint (__cso_hint "$__cso_path" '*')
    __cso_values $hint
end

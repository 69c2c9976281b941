namespace Pipelines.Tests.Helmfile.TemplateOracle;

/// <summary>Template snippets whose output helm decides; each is rendered on its own.</summary>
internal static class OracleCases
{
    public static readonly string[] Language =
    [
        // number printing
        "{{ 1000000.0 }} {{ 3.14 }} {{ 1.5e-7 }} {{ 100000.0 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1e21 }} {{ 123456789.0 }}",
        "{{ 42 }} {{ -7 }} {{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }} {{ 'a' }} {{ 2.0 }} {{ 1e3 }}",
        "{{ true }} {{ false }} {{ \"text\" }} {{ `raw\\n` }}",
        // %v of lists and maps
        "{{ list 1 2 3 }} {{ list }} {{ dict }} {{ dict \"b\" 2 \"a\" 1 }} {{ list \"a\" (list 1 2.5) (dict \"k\" \"v\") }}",
        "{{ dict \"z\" (list 1 (dict \"y\" true)) \"a\" nil }}",
        // printf and friends
        "{{ printf \"%v|%s|%d|%q|%t\" 1.5 \"s\" 42 \"a\\\"b\" true }}",
        "{{ printf \"%5.2f|%-5d|%05d|%x|%X|%e|%g|%G\" 3.14159 42 42 255 255 1234.5678 0.000012 1e20 }}",
        "{{ printf \"%d\" \"x\" }} {{ printf \"%s\" }} {{ printf \"a\" 1 }} {{ printf \"%v\" nil }} {{ printf \"%T %T %T %T %T\" 1 1.5 \"s\" (list) (dict) }}",
        "{{ printf \"%8.3s|%-8s|%+d|% d|%c\" \"abcdef\" \"ab\" 5 5 65 }}",
        "{{ print 1 2 \"a\" 3 \"b\" \"c\" }} {{ println 1 \"a\" 2 }}|{{ print nil }} {{ print (list nil) }}",
        // variables, pipelines, parentheses
        "{{ $x := 1 }}{{ range list 1 2 3 }}{{ $x = add $x . }}{{ end }}{{ $x }}",
        "{{ \"a\" | printf \"%s-%s\" \"b\" }} {{ (list 1 2) | len }} {{ len (list 1 2 3) | add 1 }}",
        "{{ $m := dict \"a\" (dict \"b\" \"deep\") }}{{ $m.a.b }} {{ (index $m \"a\").b }}",
        // control structures
        "{{ range $k, $v := dict \"b\" 2 \"a\" 1 \"c\" 3 }}{{ $k }}={{ $v }};{{ end }}",
        "{{ range $i, $e := list \"x\" \"y\" }}{{ $i }}:{{ $e }} {{ end }}{{ range list }}never{{ else }}empty{{ end }}",
        "{{ range 3 }}{{ . }}{{ end }} {{ range $i := 2 }}[{{ $i }}]{{ end }}",
        "{{ range list 1 2 3 4 5 }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}",
        "{{ if false }}a{{ else if eq 1 2 }}b{{ else if true }}c{{ else }}d{{ end }}",
        "{{ with dict }}x{{ else with list 1 }}{{ len . }}{{ end }} {{ with \"v\" }}{{ . }}{{ end }}",
        "{{ block \"oracleBlock\" (list 1 2) }}block:{{ len . }}{{ end }}",
        "a  {{- \" b \" -}}  c {{- /* comment */ -}} d\n  {{- 1 }}",
        // comparisons and logic
        "{{ eq 1 1 }} {{ eq \"a\" \"b\" \"a\" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt 2.5 1.5 }} {{ ge \"b\" \"a\" }} {{ eq nil nil }}",
        "{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" \"x\" }} {{ or 0 false }} {{ not 0 }} {{ not (list 1) }}",
        "{{ len \"héllo\" }} {{ len (dict \"a\" 1) }} {{ index (list 1 2 3) 1 }} {{ index (dict \"a\" (list 4 5)) \"a\" 1 }} {{ index \"abc\" 1 }}",
        // escaping builtins
        "{{ html \"<a href='x'>&\\\"</a>\" }} {{ js \"it's <b>\\\"q\\\"</b> = \\n\\\\\" }} {{ urlquery \"a b&c=d/é?\" }}",
        "{{ html 1 \"a\" 2 }} {{ urlquery (list 1 2) }}",
    ];

    public static readonly string[] Sprig =
    [
        // strings
        "{{ upper \"abc\" }} {{ lower \"ÀB\" }} {{ title \"hello wide-world x_y\" }} {{ untitle \"Hello World\" }} {{ swapcase \"Hello World\" }}",
        "{{ trim \"  a b \\n\" }} {{ trimAll \"$-\" \"$-a$b-\" }} {{ trimSuffix \"-\" \"a-\" }} {{ trimPrefix \"-\" \"-a\" }} {{ nospace \" a b\\tc \" }}",
        "{{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }} {{ substr 1 3 \"abcdef\" }} {{ substr -1 3 \"abcdef\" }} {{ substr 2 -1 \"abcdef\" }}",
        "{{ abbrev 5 \"hello world\" }} {{ abbrev 20 \"short\" }} {{ abbrevboth 5 10 \"1234 5678 9123 4567\" }} {{ repeat 3 \"ab\" }} {{ initials \"First Try\" }}",
        "{{ contains \"b\" \"abc\" }} {{ hasPrefix \"a\" \"abc\" }} {{ hasSuffix \"c\" \"abc\" }} {{ quote \"a\" 1 nil }} {{ squote \"a\" 2 }} {{ cat \"a\" 1 nil (list 2) }}",
        "{{ indent 2 \"a\\nb\" }}|{{ nindent 2 \"a\" }}|{{ replace \"a\" \"b\" \"banana\" }} {{ plural \"one\" \"many\" 1 }} {{ plural \"one\" \"many\" 2 }}",
        "{{ wrap 5 \"The quick brown fox\" }}|{{ wrapWith 5 \"\\t\" \"The quick brown fox\" }}",
        "{{ snakecase \"FirstName\" }} {{ snakecase \"HTTPServer\" }} {{ camelcase \"http_server\" }} {{ kebabcase \"FirstName\" }} {{ camelcase \"first-name x\" }}",
        "{{ camelcase \"HTTP_SERVER\" }} {{ camelcase \"someWords_here\" }} {{ camelcase \"_lead\" }} {{ snakecase \"some words-here\" }} {{ snakecase \"NoHTTPS\" }} {{ kebabcase \"myXMLParser\" }}",
        "{{ split \"$\" \"a$b$c\" }} {{ splitList \",\" \"a,b,,c\" }} {{ splitn \"$\" 2 \"a$b$c\" }} {{ join \"-\" (list 1 \"a\" nil 2.5) }} {{ sortAlpha (list \"b\" \"C\" \"a\" 10 9) }}",
        "{{ toString 1.5 }} {{ toString (list 1) }} {{ toStrings (list 1 \"a\" nil) }} {{ atoi \"42\" }} {{ atoi \"x\" }} {{ int \"12.0\" }} {{ int 3.9 }} {{ int64 \"0x10\" }} {{ float64 \"1.5\" }} {{ toDecimal \"0777\" }}",
        // math
        "{{ add 1 2 \"3\" }} {{ add1 5 }} {{ sub 10 3 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ div -7 2 }} {{ mod 7 3 }} {{ max 1 5 3 }} {{ min 4 2 8 }} {{ biggest 1 9 }}",
        "{{ addf 1.1 2.2 }} {{ subf 1.5 0.3 }} {{ mulf 1.1 3 }} {{ divf 1 3 }} {{ divf 2 3 }} {{ divf 10 4 }} {{ mulf 0.1 0.2 }} {{ subf 0.3 0.1 }} {{ add1f 1.5 }} {{ maxf 1 2.5 }} {{ minf 1 2.5 }} {{ floor 1.7 }} {{ ceil 1.2 }} {{ round 3.14159 2 }} {{ round 2.5 0 }} {{ round -2.5 0 }}",
        "{{ until 3 }} {{ until -2 }} {{ untilStep 0 10 3 }} {{ untilStep 5 0 -2 }} {{ seq 3 }} {{ seq 2 5 }} {{ seq 5 2 }} {{ seq 0 2 7 }} {{ seq 0 }}",
        // lists
        "{{ first (list 1 2) }} {{ last (list 1 2) }} {{ rest (list 1 2 3) }} {{ initial (list 1 2 3) }} {{ reverse (list 1 2 3) }} {{ first list }}",
        "{{ append (list 1) 2 }} {{ prepend (list 1) 0 }} {{ concat (list 1) (list 2 3) }} {{ uniq (list 1 1 2 1.0 \"1\") }} {{ without (list 1 2 3 2) 2 }} {{ has 2 (list 1 2) }} {{ has 2.0 (list 1 2) }}",
        "{{ compact (list 0 1 \"\" \"a\" nil false) }} {{ slice (list 1 2 3 4) 1 3 }} {{ slice (list 1 2 3) 1 }} {{ chunk 2 (list 1 2 3 4 5) }} {{ tuple 1 \"a\" }}",
        // dicts
        "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }} {{ unset $d \"a\" }} {{ hasKey $d \"b\" }} {{ keys (dict \"b\" 1 \"a\" 2) | sortAlpha }}",
        "{{ pick (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" }} {{ omit (dict \"a\" 1 \"b\" 2) \"a\" }} {{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }} {{ values (dict \"a\" 1) }}",
        "{{ dig \"a\" \"b\" \"def\" (dict \"a\" (dict \"b\" \"found\")) }} {{ dig \"a\" \"x\" \"def\" (dict \"a\" (dict \"b\" 1)) }}",
        "{{ merge (dict \"a\" \"\" \"b\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" \"x\" \"b\" 2 \"c\" 3 \"n\" (dict \"x\" 2 \"y\" 2)) }}",
        "{{ mergeOverwrite (dict \"a\" \"x\" \"b\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" \"\" \"b\" 2 \"n\" (dict \"y\" 2)) }}",
        "{{ $c := deepCopy (dict \"a\" (list 1)) }}{{ $c }} {{ deepEqual (list 1 (dict \"a\" 2)) (list 1 (dict \"a\" 2)) }} {{ deepEqual 1 1.0 }}",
        // json
        "{{ toJson (dict \"b\" (list 1 2.5 true nil \"<&>\") \"a\" \"x\\ny\") }}",
        "{{ toPrettyJson (dict \"b\" (list 1 (dict)) \"a\" (list) \"c\" (dict \"d\" 1)) }}",
        "{{ toRawJson (dict \"h\" \"<b>&amp;</b>\") }} {{ toJson 1000000.0 }} {{ toJson 1e21 }} {{ toJson 0.0000001 }} {{ toJson 1.5 }} {{ toJson \"\\t\\u0001é\" }}",
        // types
        "{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf \"s\" }} {{ typeOf (list) }} {{ typeOf (dict) }} {{ typeOf nil }} {{ kindOf (list) }} {{ kindOf (dict) }} {{ kindOf nil }} {{ kindIs \"string\" \"a\" }} {{ typeIs \"bool\" true }}",
        // defaults
        "{{ default \"d\" \"\" }} {{ default \"d\" \"v\" }} {{ default 5 0 }} {{ empty (list) }} {{ empty 1 }} {{ coalesce \"\" 0 \"x\" }} {{ ternary \"y\" \"n\" true }} {{ ternary \"y\" \"n\" false }}",
        // regex
        "{{ regexMatch \"^[a-z]+\\\\d$\" \"abc1\" }} {{ regexFind \"[0-9]+\" \"ab123cd45\" }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }} {{ regexFindAll \"a*\" \"baaac\" -1 }}",
        "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }} {{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"$1\" }} {{ regexReplaceAll \"a*\" \"baaac\" \"X\" }}",
        "{{ regexSplit \"z+\" \"pizza\" -1 }} {{ regexSplit \"z+\" \"pizza\" 1 }} {{ regexSplit \"\" \"abc\" -1 }} {{ regexQuoteMeta \"1.5+[x]\" }} {{ regexReplaceAll \"(?P<first>\\\\w+) (\\\\w+)\" \"hello world\" \"$2 ${first}\" }}",
        // encodings and hashes
        "{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }} {{ b32enc \"hello\" }} {{ b32dec \"NBSWY3DP\" }} {{ b32enc \"\" }} {{ b32enc \"a\" }}",
        "{{ sha1sum \"abc\" }} {{ sha256sum \"abc\" }} {{ adler32sum \"abc\" }}",
        "{{ sha512sum \"abc\" }}",
        // paths
        "{{ base \"/a/b.txt\" }} {{ dir \"/a/b.txt\" }} {{ ext \"x.tar.gz\" }} {{ clean \"a//b/../c/.\" }} {{ isAbs \"/x\" }} {{ base \"\" }} {{ dir \"a\" }} {{ clean \"/../a\" }} {{ osBase \"a/b/\" }}",
    ];

    /// <summary>Date functions on fixed times (toDate with an explicit offset), so neither the clock nor the zone of the machine matters.</summary>
    public static readonly string[] Dates =
    [
        "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T16:07:08Z\" }}|{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2024-07-01T12:00:00.5Z\" }}",
        "{{ toDate \"2006-01-02 15:04 -0700\" \"2024-01-02 03:04 +0530\" }}|{{ toDate \"2006-01-02 15:04 MST\" \"2024-01-02 03:04 CET\" }}|{{ toDate \"2006-01-02 15:04 MST\" \"2024-01-02 03:04 UTC\" }}",
        "{{ dateInZone \"Monday Mon January Jan 1 01 2 02 _2 __2 002 15 3 03 4 04 5 05 2006 06 PM pm MST -0700 -07:00 -07 Z07:00 Z0700 .000 .999 ,000\" (toDate \"2006-01-02T15:04:05.999Z07:00\" \"2024-03-05T16:07:08.25Z\") \"Europe/Berlin\" }}",
        "{{ $t := toDate \"2006-01-02T15:04:05Z07:00\" \"2024-07-01T12:00:00Z\" }}{{ range list \"UTC\" \"Europe/Berlin\" \"America/New_York\" \"Asia/Kolkata\" \"Australia/Lord_Howe\" \"America/Sao_Paulo\" \"Asia/Tokyo\" }}{{ dateInZone \"2006-01-02 15:04 MST Z07:00 -07\" $t . }};{{ end }}",
        "{{ $t := toDate \"2006-01-02T15:04:05Z07:00\" \"2024-01-15T12:00:00Z\" }}{{ range list \"Europe/London\" \"America/Los_Angeles\" \"Pacific/Chatham\" \"Africa/Casablanca\" }}{{ dateInZone \"Jan _2 3:04:05PM MST\" $t . }};{{ end }}",
        "{{ htmlDateInZone (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-07-01T23:30:00Z\") \"Asia/Tokyo\" }} {{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-01-01T00:00:00+01:00\" | unixEpoch }} {{ dateInZone \"2006-01-02 15:04:05\" 1704067200 \"UTC\" }}",
        "{{ duration \"3723\" }} {{ duration \"95\" }} {{ duration \"0\" }} {{ duration \"x\" }} {{ duration \"86400\" }} {{ duration \"-90\" }} {{ durationRound \"2h30m\" }} {{ durationRound \"2160h\" }} {{ durationRound \"1.5s\" }} {{ durationRound \"8761h\" }} {{ durationRound \"-3m\" }} {{ durationRound \"59s\" }}",
        "{{ toDate \"2006-01-02\" \"2024-13-01\" }}|{{ dateModify \"36h30m\" (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-28T12:00:00Z\") }}|{{ dateModify \"3x\" (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-28T12:00:00Z\") }}|{{ dateModify \"-1.5h\" (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-28T12:00:00Z\") }}",
        "{{ $t := toDate \"2006-01-02T15:04:05Z07:00\" \"2024-07-01T12:34:56+02:00\" }}{{ $t }}|{{ $t.Format \"Jan 2 3:04PM\" }}|{{ $t.Year }} {{ $t.YearDay }} {{ $t.Unix }} {{ $t.UTC }}|{{ toJson $t }}|{{ typeOf $t }}|{{ printf \"%v %s\" $t $t }}",
        "{{ toDate \"02 Jan 06 15:04 -0700\" \"05 Mar 24 09:30 -0800\" }}|{{ toDate \"Jan _2 15:04:05.000000\" \"Mar  5 09:30:01.123456\" }}|{{ toDate \"3:04PM\" \"9:30AM\" }}|{{ toDate \"2006-01-02 15:04:05\" \"2024-03-05 09:30:01.75\" }}",
    ];

    /// <summary>semver, semverCompare and the URL functions.</summary>
    public static readonly string[] SemverAndUrls =
    [
        "{{ semverCompare \">=1.2 <2\" \"1.5.0\" }} {{ semverCompare \"~1.2\" \"1.3.0\" }} {{ semverCompare \"^0.2.3\" \"0.2.9\" }} {{ semverCompare \"1.2.x\" \"1.2.7\" }} {{ semverCompare \">1\" \"1.9.0\" }} {{ semverCompare \">1.1\" \"1.1.9\" }} {{ semverCompare \"<=1.2\" \"1.2.9\" }} {{ semverCompare \"!=1.2.x\" \"1.3.0\" }}",
        "{{ semverCompare \"<1.0.0 || >=2.1\" \"2.1.0\" }} {{ semverCompare \"1.2 - 1.4.5\" \"1.4.6\" }} {{ semverCompare \">=1.0.0\" \"1.2.0-rc.1\" }} {{ semverCompare \">=1.2.0-0\" \"1.2.0-rc.1\" }} {{ semverCompare \">=v1.20.0-0\" \"v1.29.3-eks-adc7111\" }} {{ semverCompare \"^0.0.3\" \"0.0.4\" }} {{ semverCompare \"*\" \"4.5.6\" }} {{ semverCompare \"~1\" \"1.9.0\" }}",
        "{{ $v := semver \"v1.2.3-rc.1+build.5\" }}{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }} {{ semver \"1.4\" }} {{ typeOf $v }} {{ toJson $v }}",
        "{{ (semver \"1.2.3\").Compare (semver \"1.3.0\") }} {{ (semver \"1.2.3\").LessThan (semver \"1.2.3-rc.1\") }} {{ (semver \"1.2.3\").IncMinor }} {{ (semver \"1.2.3-rc.1\").IncPatch }} {{ (semver \"1.2.3\").Equal (semver \"1.2.3+meta\") }}",
        "{{ urlParse \"HTTPS://user:pw@example.com:8443/a%20b/c?x=1&y=%20#frag%21\" }}",
        "{{ (urlParse \"mailto:ops@example.com\").opaque }} {{ (urlParse \"http://[::1]:8080/x\").hostname }} {{ urlParse \"/just/a/path?q\" }} {{ urlParse \"//host/p\" }}",
        "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b/ü\" \"query\" \"x=1\" \"fragment\" \"top #1\" \"userinfo\" \"me\") }} {{ urlJoin (dict \"path\" \"relative/p\") }} {{ urlParse \"https://h/p?q#f\" | urlJoin }} {{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"a@b.c\") }}",
    ];

    /// <summary>More printing rules of Go's fmt and text/template, audited against helm.</summary>
    public static readonly string[] Printing =
    [
        "{{ printf \"%v %v %v\" 1e6 1e-7 123456789.0 }} {{ 1e20 }} {{ 1e21 }} {{ -0.0 }} {{ 0.1 }} {{ 2.5e-5 }}",
        "{{ printf \"%t %v\" true (dict \"a\" (list)) }} {{ printf \"%s\" (list \"a\" 1) }} {{ printf \"%d\" (list 1 2) }} {{ printf \"%q\" (list \"a\" \"b\") }}",
        "{{ print \"a\" 1 2 \"b\" }} {{ print 1 2 }} {{ print nil nil }} {{ $x := list }}{{ $x }} {{ dict \"a\" nil }} {{ list nil }}",
        "{{ printf \"%6.2f|%-8.1e|%+.3g|%#x|%x|%X\" 3.14159 1234.5 0.000123 255 \"hi\" -255 }}",
        "{{ printf \"%q|%c|%5t|%-5t|\" 65 0x1F600 true false }}{{ printf \"%05s|%.2s|%x\" \"ab\" \"héllo\" 3.5 }}",
    ];
}

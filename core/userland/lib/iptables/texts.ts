// Fixed texts of iptables 1.8.9: the version banner, the help text (`iptables -h`, after its first
// line "iptables v1.8.9 (VARIANT)"), iptables-restore's usage, and the lines that end a parameter error.

/** 'nf_tables' for iptables-nft (Debian 12's default alternative) or 'legacy'. */
export type IptVariant = 'nf_tables' | 'legacy';

export const IPT_VERSION = '1.8.9';

/** "iptables v1.8.9 (nf_tables)" */
export function banner(prog: string, variant: IptVariant): string {
  return `${prog} v${IPT_VERSION} (${variant})`;
}

/** The help text after the banner line (print_help() of iptables' xshared.c, without extensions). */
export const HELP_BODY = `
Usage: iptables -[ACD] chain rule-specification [options]
       iptables -I chain [rulenum] rule-specification [options]
       iptables -R chain rulenum rule-specification [options]
       iptables -D chain rulenum [options]
       iptables -[LS] [chain [rulenum]] [options]
       iptables -[FZ] [chain] [options]
       iptables -[NX] chain
       iptables -E old-chain-name new-chain-name
       iptables -P chain target [options]
       iptables -h (print this help information)

Commands:
Either long or short options are allowed.
  --append  -A chain		Append to chain
  --check   -C chain		Check for the existence of a rule
  --delete  -D chain		Delete matching rule from chain
  --delete  -D chain rulenum
				Delete rule rulenum (1 = first) from chain
  --insert  -I chain [rulenum]
				Insert in chain as rulenum (default 1=first)
  --replace -R chain rulenum
				Replace rule rulenum (1 = first) in chain
  --list    -L [chain [rulenum]]
				List the rules in a chain or all chains
  --list-rules -S [chain [rulenum]]
				Print the rules in a chain or all chains
  --flush   -F [chain]		Delete all rules in  chain or all chains
  --zero    -Z [chain [rulenum]]
				Zero counters in chain or all chains
  --new     -N chain		Create a new user-defined chain
  --delete-chain
            -X [chain]		Delete a user-defined chain
  --policy  -P chain target
				Change policy on chain to target
  --rename-chain
            -E old-chain new-chain
				Change chain name, (moving any references)

Options:
    --ipv4	-4		Nothing (line is ignored by ip6tables-restore)
    --ipv6	-6		Error (line is ignored by iptables-restore)
[!] --protocol	-p proto	protocol: by number or name, eg. \`tcp'
[!] --source	-s address[/mask][...]
				source specification
[!] --destination -d address[/mask][...]
				destination specification
[!] --in-interface -i input name[+]
				network interface name ([+] for wildcard)
 --jump	-j target
				target for rule (may load target extension)
  --goto      -g chain
			       jump to chain with no return
  --match	-m match
				extended match (may load extension)
  --numeric	-n		numeric output of addresses and ports
[!] --out-interface -o output name[+]
				network interface name ([+] for wildcard)
  --table	-t table	table to manipulate (default: \`filter')
  --verbose	-v		verbose mode
  --wait	-w [seconds]	maximum wait to acquire xtables lock before give up
  --line-numbers		print line numbers when listing
  --exact	-x		expand numbers (display exact values)
[!] --fragment	-f		match second or further fragments only
  --modprobe=<command>		try to insert modules using this command
  --set-counters -c PKTS BYTES	set the counter during insert/append
[!] --version	-V		print package version.
`;

export const RESTORE_USAGE = (prog: string): string => `Usage: ${prog} [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]
\t   [ --counters ]
\t   [ --verbose ]
\t   [ --version]
\t   [ --test ]
\t   [ --help ]
\t   [ --noflush ]
\t   [ --table=<TABLE> ]
\t   [ --modprobe=<command> ]
\t   [ --ipv4 ]
\t   [ --ipv6 ]
`;

/** exit_tryhelp(): what follows every parameter problem. */
export const TRY_HELP = (prog: string): string => `Try \`${prog} -h' or '${prog} --help' for more information.\n`;

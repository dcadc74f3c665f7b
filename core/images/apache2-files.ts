// The files Debian 12's apache2 packages install (apache2 2.4.71-1~deb12u1, apache2-data; /etc/mime.types from
// media-types 10.0.0), reproduced as installed: /etc/apache2 (configuration, the modules' .load/.conf
// files and the links a2enmod/a2enconf/a2ensite made at installation), Debian's default page, and the
// directories the package makes. The data below was generated from the installed files.
import type { LayerBuilder } from '../fs/index.ts';

/** The adm group (Debian's /etc/group). */
const ADM_GID = 4;

/** Adds apache2's files and directories (not its programs) to an image layer. */
export function addApache2Files(b: LayerBuilder): void {
  b.dir('/etc/apache2', { mode: 0o755 });
  for (const d of ['conf-available', 'conf-enabled', 'mods-available', 'mods-enabled', 'sites-available', 'sites-enabled']) {
    b.dir(`/etc/apache2/${d}`, { mode: 0o755 });
  }
  for (const [path, content] of Object.entries(APACHE2_CONF_FILES)) b.file(path, content, { mode: 0o644 });
  for (const [path, target] of Object.entries(APACHE2_CONF_LINKS)) b.symlink(path, target);
  b.file('/etc/mime.types', MIME_TYPES, { mode: 0o644 });
  b.dir('/var/www/html', { mode: 0o755 });
  b.file('/var/www/html/index.html', APACHE2_DEFAULT_PAGE, { mode: 0o644 });
  b.dir('/var/log/apache2', { mode: 0o750, uid: 0, gid: ADM_GID });
  b.dir('/var/cache/apache2/mod_cache_disk', { mode: 0o755, uid: 33, gid: 33 });
  b.dir('/var/lib/apache2', { mode: 0o755 });
  b.dir('/usr/lib/cgi-bin', { mode: 0o755 });
  b.dir('/usr/share/apache2/icons', { mode: 0o755 });
  b.dir('/etc/init.d', { mode: 0o755 });
}

// Contents are template literals, one source line per file line. (A `process.` or `console.` in a comment of the
// files is written `\x2e` so that lint, which reads source lines, does not take it for code.)

/** /etc/apache2/** regular files, by path. */
export const APACHE2_CONF_FILES: Record<string, string> = {
  '/etc/apache2/apache2.conf': `# This is the main Apache server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See http://httpd.apache.org/docs/2.4/ for detailed information about
# the directives and /usr/share/doc/apache2/README.Debian about Debian specific
# hints.
#
#
# Summary of how the Apache 2 configuration works in Debian:
# The Apache 2 web server configuration in Debian is quite different to
# upstream's suggested way to configure the web server. This is because Debian's
# default Apache2 installation attempts to make adding and removing modules,
# virtual hosts, and extra configuration directives as flexible as possible, in
# order to make automating the changes and administering the server as easy as
# possible.

# It is split into several files forming the configuration hierarchy outlined
# below, all located in the /etc/apache2/ directory:
#
#	/etc/apache2/
#	|-- apache2.conf
#	|	\`--  ports.conf
#	|-- mods-enabled
#	|	|-- *.load
#	|	\`-- *.conf
#	|-- conf-enabled
#	|	\`-- *.conf
# 	\`-- sites-enabled
#	 	\`-- *.conf
#
#
# * apache2.conf is the main configuration file (this file). It puts the pieces
#   together by including all remaining configuration files when starting up the
#   web server.
#
# * ports.conf is always included from the main configuration file. It is
#   supposed to determine listening ports for incoming connections which can be
#   customized anytime.
#
# * Configuration files in the mods-enabled/, conf-enabled/ and sites-enabled/
#   directories contain particular configuration snippets which manage modules,
#   global configuration fragments, or virtual host configurations,
#   respectively.
#
#   They are activated by symlinking available configuration files from their
#   respective *-available/ counterparts. These should be managed by using our
#   helpers a2enmod/a2dismod, a2ensite/a2dissite and a2enconf/a2disconf. See
#   their respective man pages for detailed information.
#
# * The binary is called apache2. Due to the use of environment variables, in
#   the default configuration, apache2 needs to be started/stopped with
#   /etc/init.d/apache2 or apache2ctl. Calling /usr/bin/apache2 directly will not
#   work with the default configuration.


# Global configuration
#

#
# ServerRoot: The top of the directory tree under which the server's
# configuration, error, and log files are kept.
#
# NOTE!  If you intend to place this on an NFS (or otherwise network)
# mounted filesystem then please read the Mutex documentation (available
# at <URL:http://httpd.apache.org/docs/2.4/mod/core.html#mutex>);
# you will save yourself a lot of trouble.
#
# Do NOT add a slash at the end of the directory path.
#
#ServerRoot "/etc/apache2"

#
# The accept serialization lock file MUST BE STORED ON A LOCAL DISK.
#
#Mutex file:\${APACHE_LOCK_DIR} default

#
# The directory where shm and other runtime files will be stored.
#

DefaultRuntimeDir \${APACHE_RUN_DIR}

#
# PidFile: The file in which the server should record its process
# identification number when it starts.
# This needs to be set in /etc/apache2/envvars
#
PidFile \${APACHE_PID_FILE}

#
# Timeout: The number of seconds before receives and sends time out.
#
Timeout 300

#
# KeepAlive: Whether or not to allow persistent connections (more than
# one request per connection). Set to "Off" to deactivate.
#
KeepAlive On

#
# MaxKeepAliveRequests: The maximum number of requests to allow
# during a persistent connection. Set to 0 to allow an unlimited amount.
# We recommend you leave this number high, for maximum performance.
#
MaxKeepAliveRequests 100

#
# KeepAliveTimeout: Number of seconds to wait for the next request from the
# same client on the same connection.
#
KeepAliveTimeout 5


# These need to be set in /etc/apache2/envvars
User \${APACHE_RUN_USER}
Group \${APACHE_RUN_GROUP}

#
# HostnameLookups: Log the names of clients or just their IP addresses
# e.g., www.apache.org (on) or 204.62.129.132 (off).
# The default is off because it'd be overall better for the net if people
# had to knowingly turn this feature on, since enabling it means that
# each client request will result in AT LEAST one lookup request to the
# nameserver.
#
HostnameLookups Off

# ErrorLog: The location of the error log file.
# If you do not specify an ErrorLog directive within a <VirtualHost>
# container, error messages relating to that virtual host will be
# logged here.  If you *do* define an error logfile for a <VirtualHost>
# container, that host's errors will be logged there and not here.
#
ErrorLog \${APACHE_LOG_DIR}/error.log

#
# LogLevel: Control the severity of messages logged to the error_log.
# Available values: trace8, ..., trace1, debug, info, notice, warn,
# error, crit, alert, emerg.
# It is also possible to configure the log level for particular modules, e.g.
# "LogLevel info ssl:warn"
#
LogLevel warn

# Include module configuration:
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf

# Include list of ports to listen on
Include ports.conf


# Sets the default security model of the Apache2 HTTPD server. It does
# not allow access to the root filesystem outside of /usr/share and /var/www.
# The former is used by web applications packaged in Debian,
# the latter may be used for local directories served by the web server. If
# your system is serving content from a sub-directory in /srv you must allow
# access here, or in any related virtual host.
<Directory />
	Options FollowSymLinks
	AllowOverride None
	Require all denied
</Directory>

<Directory /usr/share>
	AllowOverride None
	Require all granted
</Directory>

<Directory /var/www/>
	Options Indexes FollowSymLinks
	AllowOverride None
	Require all granted
</Directory>

#<Directory /srv/>
#	Options Indexes FollowSymLinks
#	AllowOverride None
#	Require all granted
#</Directory>




# AccessFileName: The name of the file to look for in each directory
# for additional configuration directives.  See also the AllowOverride
# directive.
#
AccessFileName .htaccess

#
# The following lines prevent .htaccess and .htpasswd files from being
# viewed by Web clients.
#
<FilesMatch "^\\.ht">
	Require all denied
</FilesMatch>


#
# The following directives define some format nicknames for use with
# a CustomLog directive.
#
# These deviate from the Common Log Format definitions in that they use %O
# (the actual bytes sent including headers) instead of %b (the size of the
# requested file), because the latter makes it impossible to detect partial
# requests.
#
# Note that the use of %{X-Forwarded-For}i instead of %h is not recommended.
# Use mod_remoteip instead.
#
LogFormat "%v:%p %h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" vhost_combined
LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
LogFormat "%h %l %u %t \\"%r\\" %>s %O" common
LogFormat "%{Referer}i -> %U" referer
LogFormat "%{User-agent}i" agent

# Include of directories ignores editors' and dpkg's backup files,
# see README.Debian for details.

# Include generic snippets of statements
IncludeOptional conf-enabled/*.conf

# Include the virtual host configurations:
IncludeOptional sites-enabled/*.conf
`,
  '/etc/apache2/ports.conf': `# If you just change the port or add more ports here, you will likely also
# have to change the VirtualHost statement in
# /etc/apache2/sites-enabled/000-default.conf

Listen 80

<IfModule ssl_module>
	Listen 443
</IfModule>

<IfModule mod_gnutls.c>
	Listen 443
</IfModule>
`,
  '/etc/apache2/envvars': `# envvars - default environment variables for apache2ctl

# this won't be correct after changing uid
unset HOME

# for supporting multiple apache2 instances
if [ "\${APACHE_CONFDIR##/etc/apache2-}" != "\${APACHE_CONFDIR}" ] ; then
	SUFFIX="-\${APACHE_CONFDIR##/etc/apache2-}"
else
	SUFFIX=
fi

# Since there is no sane way to get the parsed apache2 config in scripts, some
# settings are defined via environment variables and then used in apache2ctl,
# /etc/init.d/apache2, /etc/logrotate.d/apache2, etc.
export APACHE_RUN_USER=www-data
export APACHE_RUN_GROUP=www-data
# temporary state file location. This might be changed to /run in Wheezy+1
export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid
export APACHE_RUN_DIR=/var/run/apache2$SUFFIX
export APACHE_LOCK_DIR=/var/lock/apache2$SUFFIX
# Only /var/log/apache2 is handled by /etc/logrotate.d/apache2.
export APACHE_LOG_DIR=/var/log/apache2$SUFFIX

## The locale used by some modules like mod_dav
export LANG=C
## Uncomment the following line to use the system default locale instead:
#. /etc/default/locale

export LANG

## The command to get the status for 'apache2ctl status'.
## Some packages providing 'www-browser' need '--dump' instead of '-dump'.
#export APACHE_LYNX='www-browser -dump'

## If you need a higher file descriptor limit, uncomment and adjust the
## following line (default is 8192):
#APACHE_ULIMIT_MAX_FILES='ulimit -n 65536'

## If you would like to pass arguments to the web server, add them below
## to the APACHE_ARGUMENTS environment.
#export APACHE_ARGUMENTS=''

## Enable the debug mode for maintainer scripts.
## This will produce a verbose output on package installations of web server modules and web application
## installations which interact with Apache
#export APACHE2_MAINTSCRIPT_DEBUG=1
`,
  '/etc/apache2/mods-available/access_compat.load': `# Depends: authn_core
LoadModule access_compat_module /usr/lib/apache2/modules/mod_access_compat.so
`,
  '/etc/apache2/mods-available/actions.conf': `# a2enmod-note: needs-configuration

#
# Action lets you define media types that will execute a script whenever
# a matching file is called. This eliminates the need for repeated URL
# pathnames for oft-used CGI file processors.
# Format: Action media/type /cgi-script/location
# Format: Action handler-name /cgi-script/location
#
`,
  '/etc/apache2/mods-available/actions.load': `LoadModule actions_module /usr/lib/apache2/modules/mod_actions.so
`,
  '/etc/apache2/mods-available/alias.conf': `# Aliases: Add here as many aliases as you need (with no limit). The format is
# Alias fakename realname
#
# Note that if you include a trailing / on fakename then the server will
# require it to be present in the URL.  So "/icons" isn't aliased in this
# example, only "/icons/".  If the fakename is slash-terminated, then the
# realname must also be slash terminated, and if the fakename omits the
# trailing slash, the realname must also omit it.
#
# We include the /icons/ alias for FancyIndexed directory listings.  If
# you do not use FancyIndexing, you may comment this out.

Alias /icons/ "/usr/share/apache2/icons/"

<Directory "/usr/share/apache2/icons">
	Options FollowSymlinks
	AllowOverride None
	Require all granted
</Directory>
`,
  '/etc/apache2/mods-available/alias.load': `LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
`,
  '/etc/apache2/mods-available/allowmethods.load': `LoadModule allowmethods_module /usr/lib/apache2/modules/mod_allowmethods.so
`,
  '/etc/apache2/mods-available/asis.load': `# Depends: mime
LoadModule asis_module /usr/lib/apache2/modules/mod_asis.so
`,
  '/etc/apache2/mods-available/auth_basic.load': `# Depends: authn_core
LoadModule auth_basic_module /usr/lib/apache2/modules/mod_auth_basic.so
`,
  '/etc/apache2/mods-available/auth_digest.load': `# Depends: authn_core
LoadModule auth_digest_module /usr/lib/apache2/modules/mod_auth_digest.so
`,
  '/etc/apache2/mods-available/auth_form.load': `# Depends: session authn_core
LoadModule auth_form_module /usr/lib/apache2/modules/mod_auth_form.so
`,
  '/etc/apache2/mods-available/authn_anon.load': `LoadModule authn_anon_module /usr/lib/apache2/modules/mod_authn_anon.so
`,
  '/etc/apache2/mods-available/authn_core.load': `LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
`,
  '/etc/apache2/mods-available/authn_dbd.load': `# Depends: dbd
LoadModule authn_dbd_module /usr/lib/apache2/modules/mod_authn_dbd.so
`,
  '/etc/apache2/mods-available/authn_dbm.load': `LoadModule authn_dbm_module /usr/lib/apache2/modules/mod_authn_dbm.so
`,
  '/etc/apache2/mods-available/authn_file.load': `LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
`,
  '/etc/apache2/mods-available/authn_socache.load': `LoadModule authn_socache_module /usr/lib/apache2/modules/mod_authn_socache.so
`,
  '/etc/apache2/mods-available/authnz_fcgi.load': `LoadModule authnz_fcgi_module /usr/lib/apache2/modules/mod_authnz_fcgi.so
`,
  '/etc/apache2/mods-available/authnz_ldap.load': `# Depends: ldap
LoadModule authnz_ldap_module /usr/lib/apache2/modules/mod_authnz_ldap.so
`,
  '/etc/apache2/mods-available/authz_core.load': `LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
`,
  '/etc/apache2/mods-available/authz_dbd.load': `# Depends: dbd authz_core
LoadModule authz_dbd_module /usr/lib/apache2/modules/mod_authz_dbd.so
`,
  '/etc/apache2/mods-available/authz_dbm.load': `# Depends: authz_core
LoadModule authz_dbm_module /usr/lib/apache2/modules/mod_authz_dbm.so
`,
  '/etc/apache2/mods-available/authz_groupfile.load': `# Depends: authz_core
LoadModule authz_groupfile_module /usr/lib/apache2/modules/mod_authz_groupfile.so
`,
  '/etc/apache2/mods-available/authz_host.load': `# Depends: authz_core
LoadModule authz_host_module /usr/lib/apache2/modules/mod_authz_host.so
`,
  '/etc/apache2/mods-available/authz_owner.load': `LoadModule authz_owner_module /usr/lib/apache2/modules/mod_authz_owner.so
`,
  '/etc/apache2/mods-available/authz_user.load': `# Depends: authz_core
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
`,
  '/etc/apache2/mods-available/autoindex.conf': `# Directives controlling the display of server-generated directory listings.

#
# IndexOptions: Controls the appearance of server-generated directory
# listings.
# Remove/replace the "Charset=UTF-8" if you don't use UTF-8 for your filenames.
IndexOptions FancyIndexing VersionSort HTMLTable NameWidth=* DescriptionWidth=* Charset=UTF-8

#
# AddIcon* directives tell the server which icon to show for different
# files or filename extensions.  These are only displayed for
# FancyIndexed directories.
AddIconByEncoding (CMP,/icons/compressed.gif) x-compress x-gzip x-bzip2

AddIconByType (TXT,/icons/text.gif) text/*
AddIconByType (IMG,/icons/image2.gif) image/*
AddIconByType (SND,/icons/sound2.gif) audio/*
AddIconByType (VID,/icons/movie.gif) video/*

AddIcon /icons/binary.gif .bin .exe
AddIcon /icons/binhex.gif .hqx
AddIcon /icons/tar.gif .tar
AddIcon /icons/world2.gif .wrl .wrl.gz .vrml .vrm .iv
AddIcon /icons/compressed.gif .Z .z .tgz .gz .zip
AddIcon /icons/a.gif .ps .ai .eps
AddIcon /icons/layout.gif .html .shtml .htm .pdf
AddIcon /icons/text.gif .txt
AddIcon /icons/c.gif .c
AddIcon /icons/p.gif .pl .py
AddIcon /icons/f.gif .for
AddIcon /icons/dvi.gif .dvi
AddIcon /icons/uuencoded.gif .uu
AddIcon /icons/script.gif .conf .sh .shar .csh .ksh .tcl
AddIcon /icons/tex.gif .tex
# It's a suffix rule, so simply matching "core" matches "score" as well !
AddIcon /icons/bomb.gif /core
AddIcon (SND,/icons/sound2.gif) .ogg
AddIcon (VID,/icons/movie.gif) .ogm

AddIcon /icons/back.gif ..
AddIcon /icons/hand.right.gif README
AddIcon /icons/folder.gif ^^DIRECTORY^^
AddIcon /icons/blank.gif ^^BLANKICON^^

# Default icons for OpenDocument format
AddIcon /icons/odf6odt-20x22.png .odt
AddIcon /icons/odf6ods-20x22.png .ods
AddIcon /icons/odf6odp-20x22.png .odp
AddIcon /icons/odf6odg-20x22.png .odg
AddIcon /icons/odf6odc-20x22.png .odc
AddIcon /icons/odf6odf-20x22.png .odf
AddIcon /icons/odf6odb-20x22.png .odb
AddIcon /icons/odf6odi-20x22.png .odi
AddIcon /icons/odf6odm-20x22.png .odm

AddIcon /icons/odf6ott-20x22.png .ott
AddIcon /icons/odf6ots-20x22.png .ots
AddIcon /icons/odf6otp-20x22.png .otp
AddIcon /icons/odf6otg-20x22.png .otg
AddIcon /icons/odf6otc-20x22.png .otc
AddIcon /icons/odf6otf-20x22.png .otf
AddIcon /icons/odf6oti-20x22.png .oti
AddIcon /icons/odf6oth-20x22.png .oth

#
# DefaultIcon is which icon to show for files which do not have an icon
# explicitly set.
DefaultIcon /icons/unknown.gif

#
# AddDescription allows you to place a short description after a file in
# server-generated indexes.  These are only displayed for FancyIndexed
# directories.
# Format: AddDescription "description" filename
#AddDescription "GZIP compressed document" .gz
#AddDescription "tar archive" .tar
#AddDescription "GZIP compressed tar archive" .tgz

#
# ReadmeName is the name of the README file the server will look for by
# default, and append to directory listings.
#
# HeaderName is the name of a file which should be prepended to
# directory indexes
ReadmeName README.html
HeaderName HEADER.html

#
# IndexIgnore is a set of filenames which directory indexing should ignore
# and not include in the listing.  Shell-style wildcarding is permitted.
IndexIgnore .??* *~ *# RCS CVS *,v *,t
`,
  '/etc/apache2/mods-available/autoindex.load': `LoadModule autoindex_module /usr/lib/apache2/modules/mod_autoindex.so
`,
  '/etc/apache2/mods-available/brotli.load': `LoadModule brotli_module /usr/lib/apache2/modules/mod_brotli.so
`,
  '/etc/apache2/mods-available/buffer.load': `LoadModule buffer_module /usr/lib/apache2/modules/mod_buffer.so
`,
  '/etc/apache2/mods-available/cache.load': `LoadModule cache_module /usr/lib/apache2/modules/mod_cache.so
`,
  '/etc/apache2/mods-available/cache_disk.conf': `# cache cleaning is done by htcacheclean, which can be configured in
# /etc/default/apache2
#
# For further information, see the comments in that file,
# /usr/share/doc/apache2/README.Debian, and the htcacheclean(8)
# man page.

# This path must be the same as the one in /etc/default/apache2
CacheRoot /var/cache/apache2/mod_cache_disk

# This will also cache local documents. It usually makes more sense to
# put this into the configuration for just one virtual host.
#CacheEnable disk /


# The result of CacheDirLevels * CacheDirLength must not be higher than
# 20. Moreover, pay attention on file system limits. Some file systems
# do not support more than a certain number of inodes and
# subdirectories (e.g. 32000 for ext3)
CacheDirLevels 2
CacheDirLength 1
`,
  '/etc/apache2/mods-available/cache_disk.load': `# Depends: cache
LoadModule cache_disk_module /usr/lib/apache2/modules/mod_cache_disk.so
`,
  '/etc/apache2/mods-available/cache_socache.load': `# Depends: cache
LoadModule cache_socache_module /usr/lib/apache2/modules/mod_cache_socache.so
`,
  '/etc/apache2/mods-available/cern_meta.load': `LoadModule cern_meta_module /usr/lib/apache2/modules/mod_cern_meta.so
`,
  '/etc/apache2/mods-available/cgi.load': `LoadModule cgi_module /usr/lib/apache2/modules/mod_cgi.so
`,
  '/etc/apache2/mods-available/cgid.conf': `# Socket for cgid communication
ScriptSock \${APACHE_RUN_DIR}/socks/cgisock
`,
  '/etc/apache2/mods-available/cgid.load': `LoadModule cgid_module /usr/lib/apache2/modules/mod_cgid.so
`,
  '/etc/apache2/mods-available/charset_lite.load': `LoadModule charset_lite_module /usr/lib/apache2/modules/mod_charset_lite.so
`,
  '/etc/apache2/mods-available/data.load': `LoadModule data_module /usr/lib/apache2/modules/mod_data.so
`,
  '/etc/apache2/mods-available/dav.load': `<IfModule !mod_dav.c>
	LoadModule dav_module /usr/lib/apache2/modules/mod_dav.so
</IfModule>
`,
  '/etc/apache2/mods-available/dav_fs.conf': `DAVLockDB \${APACHE_LOCK_DIR}/DAVLock
`,
  '/etc/apache2/mods-available/dav_fs.load': `# Depends: dav
LoadModule dav_fs_module /usr/lib/apache2/modules/mod_dav_fs.so
`,
  '/etc/apache2/mods-available/dav_lock.load': `LoadModule dav_lock_module /usr/lib/apache2/modules/mod_dav_lock.so
`,
  '/etc/apache2/mods-available/dbd.load': `LoadModule dbd_module /usr/lib/apache2/modules/mod_dbd.so
`,
  '/etc/apache2/mods-available/deflate.conf': `<IfModule mod_filter.c>
	AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript
	AddOutputFilterByType DEFLATE application/x-javascript application/javascript application/ecmascript
	AddOutputFilterByType DEFLATE application/rss+xml
	AddOutputFilterByType DEFLATE application/wasm
	AddOutputFilterByType DEFLATE application/xml
</IfModule>
`,
  '/etc/apache2/mods-available/deflate.load': `# Depends: filter
LoadModule deflate_module /usr/lib/apache2/modules/mod_deflate.so
`,
  '/etc/apache2/mods-available/dialup.load': `LoadModule dialup_module /usr/lib/apache2/modules/mod_dialup.so
`,
  '/etc/apache2/mods-available/dir.conf': `DirectoryIndex index.html index.cgi index.pl index.php index.xhtml index.htm
`,
  '/etc/apache2/mods-available/dir.load': `LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
`,
  '/etc/apache2/mods-available/dump_io.load': `LoadModule dumpio_module /usr/lib/apache2/modules/mod_dumpio.so
`,
  '/etc/apache2/mods-available/echo.load': `LoadModule echo_module /usr/lib/apache2/modules/mod_echo.so
`,
  '/etc/apache2/mods-available/env.load': `LoadModule env_module /usr/lib/apache2/modules/mod_env.so
`,
  '/etc/apache2/mods-available/expires.load': `LoadModule expires_module /usr/lib/apache2/modules/mod_expires.so
`,
  '/etc/apache2/mods-available/ext_filter.load': `LoadModule ext_filter_module /usr/lib/apache2/modules/mod_ext_filter.so
`,
  '/etc/apache2/mods-available/file_cache.load': `# Depends: cache
LoadModule file_cache_module /usr/lib/apache2/modules/mod_file_cache.so
`,
  '/etc/apache2/mods-available/filter.load': `LoadModule filter_module /usr/lib/apache2/modules/mod_filter.so
`,
  '/etc/apache2/mods-available/headers.load': `LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
`,
  '/etc/apache2/mods-available/heartbeat.load': `# This module depends on mod_watchdog to be loaded before. In Debian, this
# module is statically linked.
LoadModule heartbeat_module /usr/lib/apache2/modules/mod_heartbeat.so
`,
  '/etc/apache2/mods-available/heartmonitor.load': `# This module depends on mod_watchdog to be loaded before. In Debian, this
# module is statically linked.
LoadModule heartmonitor_module /usr/lib/apache2/modules/mod_heartmonitor.so
`,
  '/etc/apache2/mods-available/http2.conf': `Protocols h2 h2c http/1.1

# # HTTP/2 push configuration
#
# H2Push          on
#
# # Default Priority Rule
#
# H2PushPriority * After 16
#
# # More complex ruleset:
#
# H2PushPriority  *                       after
# H2PushPriority  text/css                before
# H2PushPriority  image/jpeg              after   32
# H2PushPriority  image/png               after   32
# H2PushPriority  application/javascript  interleaved
#
# # Configure some stylesheet and script to be pushed by the webserver
#
# <FilesMatch "\\.html$">
#     Header add Link "</style.css>; rel=preload; as=style"
#     Header add Link "</script.js>; rel=preload; as=script"
# </FilesMatch>
# Since mod_http2 doesn't support the mod_logio module (which provide the %O format),
# you may want to change your LogFormat directive as follow:
#
# LogFormat "%v:%p %h %l %u %t \\"%r\\" %>s %B \\"%{Referer}i\\" \\"%{User-Agent}i\\"" vhost_combined
# LogFormat "%h %l %u %t \\"%r\\" %>s %B \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
# LogFormat "%h %l %u %t \\"%r\\" %>s %B" common
`,
  '/etc/apache2/mods-available/http2.load': `LoadModule http2_module /usr/lib/apache2/modules/mod_http2.so
`,
  '/etc/apache2/mods-available/ident.load': `LoadModule ident_module /usr/lib/apache2/modules/mod_ident.so
`,
  '/etc/apache2/mods-available/imagemap.load': `LoadModule imagemap_module /usr/lib/apache2/modules/mod_imagemap.so
`,
  '/etc/apache2/mods-available/include.load': `# Depends: mime
LoadModule include_module /usr/lib/apache2/modules/mod_include.so
`,
  '/etc/apache2/mods-available/info.conf': `# Allow remote server configuration reports, with the URL of
#  http://servername/server-info (requires that mod_info.c be loaded).
# Uncomment and change the "192.0.2.0/24" to allow access from other hosts.
#
<Location /server-info>
	SetHandler server-info
	Require local
	#Require ip 192.0.2.0/24
</Location>
`,
  '/etc/apache2/mods-available/info.load': `LoadModule info_module /usr/lib/apache2/modules/mod_info.so
`,
  '/etc/apache2/mods-available/lbmethod_bybusyness.load': `# Depends: proxy_balancer
LoadModule lbmethod_bybusyness_module /usr/lib/apache2/modules/mod_lbmethod_bybusyness.so
`,
  '/etc/apache2/mods-available/lbmethod_byrequests.load': `# Depends: proxy_balancer
LoadModule lbmethod_byrequests_module /usr/lib/apache2/modules/mod_lbmethod_byrequests.so
`,
  '/etc/apache2/mods-available/lbmethod_bytraffic.load': `# Depends: proxy_balancer
LoadModule lbmethod_bytraffic_module /usr/lib/apache2/modules/mod_lbmethod_bytraffic.so
`,
  '/etc/apache2/mods-available/lbmethod_heartbeat.load': `# Depends: proxy_balancer
LoadModule lbmethod_heartbeat_module /usr/lib/apache2/modules/mod_lbmethod_heartbeat.so
`,
  '/etc/apache2/mods-available/ldap.conf': `<Location /ldap-status>
	SetHandler ldap-status
	Require local
</Location>
`,
  '/etc/apache2/mods-available/ldap.load': `LoadModule ldap_module /usr/lib/apache2/modules/mod_ldap.so
`,
  '/etc/apache2/mods-available/log_debug.load': `LoadModule log_debug_module /usr/lib/apache2/modules/mod_log_debug.so
`,
  '/etc/apache2/mods-available/log_forensic.load': `LoadModule log_forensic_module /usr/lib/apache2/modules/mod_log_forensic.so
`,
  '/etc/apache2/mods-available/lua.load': `LoadModule lua_module /usr/lib/apache2/modules/mod_lua.so
`,
  '/etc/apache2/mods-available/macro.load': `LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so
`,
  '/etc/apache2/mods-available/md.load': `LoadModule md_module /usr/lib/apache2/modules/mod_md.so
`,
  '/etc/apache2/mods-available/mime.conf': `#
# TypesConfig points to the file containing the list of mappings from
# filename extension to MIME-type.
#
TypesConfig /etc/mime.types

#
# AddType allows you to add to or override the MIME configuration
# file mime.types for specific file types.
#
#AddType application/x-gzip .tgz
#
# AddEncoding allows you to have certain browsers uncompress
# information on the fly. Note: Not all browsers support this.
# Despite the name similarity, the following Add* directives have
# nothing to do with the FancyIndexing customization directives above.
#
#AddEncoding x-compress .Z
#AddEncoding x-gzip .gz .tgz
#AddEncoding x-bzip2 .bz2
#
# If the AddEncoding directives above are commented-out, then you
# probably should define those extensions to indicate media types:
#
AddType application/x-compress .Z
AddType application/x-gzip .gz .tgz
AddType application/x-bzip2 .bz2

#
# DefaultLanguage and AddLanguage allows you to specify the language of
# a document. You can then use content negotiation to give a browser a
# file in a language the user can understand.
#
# Specify a default language. This means that all data
# going out without a specific language tag (see below) will
# be marked with this one. You probably do NOT want to set
# this unless you are sure it is correct for all cases.
#
# * It is generally better to not mark a page as
# * being a certain language than marking it with the wrong
# * language!
#
# DefaultLanguage nl
#
# Note 1: The suffix does not have to be the same as the language
# keyword --- those with documents in Polish (whose net-standard
# language code is pl) may wish to use "AddLanguage pl .po" to
# avoid the ambiguity with the common suffix for perl scripts.
#
# Note 2: The example entries below illustrate that in some cases
# the two character 'Language' abbreviation is not identical to
# the two character 'Country' code for its country,
# E.g. 'Danmark/dk' versus 'Danish/da'.
#
# Note 3: In the case of 'ltz' we violate the RFC by using a three char
# specifier. There is 'work in progress' to fix this and get
# the reference data for rfc1766 cleaned up.
#
# Catalan (ca) - Croatian (hr) - Czech (cs) - Danish (da) - Dutch (nl)
# English (en) - Esperanto (eo) - Estonian (et) - French (fr) - German (de)
# Greek-Modern (el) - Hebrew (he) - Italian (it) - Japanese (ja)
# Korean (ko) - Luxembourgeois* (ltz) - Norwegian Nynorsk (nn)
# Norwegian (no) - Polish (pl) - Portugese (pt)
# Brazilian Portuguese (pt-BR) - Russian (ru) - Swedish (sv)
# Simplified Chinese (zh-CN) - Spanish (es) - Traditional Chinese (zh-TW)
#
AddLanguage am .amh
AddLanguage ar .ara
AddLanguage be .be
AddLanguage bg .bg
AddLanguage bn .bn
AddLanguage br .br
AddLanguage bs .bs
AddLanguage ca .ca
AddLanguage cs .cz .cs
AddLanguage cy .cy
AddLanguage da .da
AddLanguage da .dk
AddLanguage de .de
AddLanguage dz .dz
AddLanguage el .el
AddLanguage en .en
AddLanguage eo .eo
# es is ecmascript in /etc/mime.types
RemoveType  es
AddLanguage es .es
AddLanguage et .et
AddLanguage eu .eu
AddLanguage fa .fa
AddLanguage fi .fi
AddLanguage fr .fr
AddLanguage ga .ga
AddLanguage gl .glg
AddLanguage gu .gu
AddLanguage he .he
AddLanguage hi .hi
AddLanguage hr .hr
AddLanguage hu .hu
AddLanguage hy .hy
AddLanguage id .id
AddLanguage is .is
AddLanguage it .it
AddLanguage ja .ja
AddLanguage ka .ka
AddLanguage kk .kk
AddLanguage km .km
AddLanguage kn .kn
AddLanguage ko .ko
AddLanguage ku .ku
AddLanguage lo .lo
AddLanguage lt .lt
AddLanguage ltz .ltz
AddLanguage lv .lv
AddLanguage mg .mg
AddLanguage mk .mk
AddLanguage ml .ml
AddLanguage mr .mr
AddLanguage ms .msa
AddLanguage nb .nob
AddLanguage ne .ne
AddLanguage nl .nl
AddLanguage nn .nn
AddLanguage no .no
AddLanguage pa .pa
AddLanguage pl .po
AddLanguage pt-BR .pt-br
AddLanguage pt .pt
AddLanguage ro .ro
AddLanguage ru .ru
AddLanguage sa .sa
AddLanguage se .se
AddLanguage si .si
AddLanguage sk .sk
AddLanguage sl .sl
AddLanguage sq .sq
AddLanguage sr .sr
AddLanguage sv .sv
AddLanguage ta .ta
AddLanguage te .te
AddLanguage th .th
AddLanguage tl .tl
RemoveType  tr
# tr is troff in /etc/mime.types
AddLanguage tr .tr
AddLanguage uk .uk
AddLanguage ur .ur
AddLanguage vi .vi
AddLanguage wo .wo
AddLanguage xh .xh
AddLanguage zh-CN .zh-cn
AddLanguage zh-TW .zh-tw

#
# Commonly used filename extensions to character sets. You probably
# want to avoid clashes with the language extensions, unless you
# are good at carefully testing your setup after each change.
# See http://www.iana.org/assignments/character-sets for the
# official list of charset names and their respective RFCs.
#
AddCharset us-ascii     .ascii      .us-ascii
AddCharset ISO-8859-1   .iso8859-1  .latin1
AddCharset ISO-8859-2   .iso8859-2  .latin2 .cen
AddCharset ISO-8859-3   .iso8859-3  .latin3
AddCharset ISO-8859-4   .iso8859-4  .latin4
AddCharset ISO-8859-5   .iso8859-5  .cyr .iso-ru
AddCharset ISO-8859-6   .iso8859-6  .arb .arabic
AddCharset ISO-8859-7   .iso8859-7  .grk .greek
AddCharset ISO-8859-8   .iso8859-8  .heb .hebrew
AddCharset ISO-8859-9   .iso8859-9  .latin5 .trk
AddCharset ISO-8859-10  .iso8859-10 .latin6
AddCharset ISO-8859-13  .iso8859-13
AddCharset ISO-8859-14  .iso8859-14 .latin8
AddCharset ISO-8859-15  .iso8859-15 .latin9
AddCharset ISO-8859-16  .iso8859-16 .latin10
AddCharset ISO-2022-JP  .iso2022-jp .jis
AddCharset ISO-2022-KR  .iso2022-kr .kis
AddCharset ISO-2022-CN  .iso2022-cn .cis
AddCharset Big5         .Big5       .big5 .b5
AddCharset cn-Big5      .cn-big5
# For russian, more than one charset is used (depends on client, mostly):
AddCharset WINDOWS-1251     .cp-1251    .win-1251
AddCharset CP866            .cp866
AddCharset KOI8             .koi8
AddCharset KOI8-E           .koi8-e
AddCharset KOI8-r           .koi8-r     .koi8-ru
AddCharset KOI8-U           .koi8-u
AddCharset KOI8-ru          .koi8-uk    .ua
AddCharset ISO-10646-UCS-2  .ucs2
AddCharset ISO-10646-UCS-4  .ucs4
AddCharset UTF-7            .utf7
AddCharset UTF-8            .utf8
AddCharset UTF-16           .utf16
AddCharset UTF-16BE         .utf16be
AddCharset UTF-16LE         .utf16le
AddCharset UTF-32           .utf32
AddCharset UTF-32BE         .utf32be
AddCharset UTF-32LE         .utf32le
AddCharset euc-cn           .euc-cn
AddCharset euc-gb           .euc-gb
AddCharset euc-jp           .euc-jp
AddCharset euc-kr           .euc-kr
#Not sure how euc-tw got in - IANA doesn't list it???
AddCharset EUC-TW           .euc-tw
AddCharset gb2312           .gb2312     .gb
AddCharset iso-10646-ucs-2  .ucs-2      .iso-10646-ucs-2
AddCharset iso-10646-ucs-4  .ucs-4      .iso-10646-ucs-4
AddCharset shift_jis        .shift_jis  .sjis
AddCharset BRF              .brf

#
# AddHandler allows you to map certain file extensions to "handlers":
# actions unrelated to filetype. These can be either built into the server
# or added with the Action directive (see below)
#
# To use CGI scripts outside of ScriptAliased directories:
# (You will also need to add "ExecCGI" to the "Options" directive.)
#
#AddHandler cgi-script .cgi

#
# For files that include their own HTTP headers:
#
#AddHandler send-as-is asis

#
# For server-parsed imagemap files:
#
#AddHandler imap-file map

#
# For type maps (negotiated resources):
# (This is enabled by default to allow the Apache "It Worked" page
#  to be distributed in multiple languages.)
#
AddHandler type-map var

#
# Filters allow you to process content before it is sent to the client.
#
# To parse .shtml files for server-side includes (SSI):
# (You will also need to add "Includes" to the "Options" directive.)
#
AddType text/html .shtml
<IfModule mod_include.c>
	AddOutputFilter INCLUDES .shtml
</IfModule>
`,
  '/etc/apache2/mods-available/mime.load': `LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
`,
  '/etc/apache2/mods-available/mime_magic.conf': `MIMEMagicFile /etc/apache2/magic
`,
  '/etc/apache2/mods-available/mime_magic.load': `LoadModule mime_magic_module /usr/lib/apache2/modules/mod_mime_magic.so
`,
  '/etc/apache2/mods-available/mpm_event.conf': `# event MPM
# StartServers: initial number of server processes to start
# MinSpareThreads: minimum number of worker threads which are kept spare
# MaxSpareThreads: maximum number of worker threads which are kept spare
# ThreadsPerChild: constant number of worker threads in each server process
# MaxRequestWorkers: maximum number of worker threads
# MaxConnectionsPerChild: maximum number of requests a server process serves
StartServers            2
MinSpareThreads         25
MaxSpareThreads         75
ThreadLimit             64
ThreadsPerChild         25
MaxRequestWorkers       150
MaxConnectionsPerChild  0
`,
  '/etc/apache2/mods-available/mpm_event.load': `# Conflicts: mpm_worker mpm_prefork
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
`,
  '/etc/apache2/mods-available/mpm_prefork.conf': `# prefork MPM
# StartServers: number of server processes to start
# MinSpareServers: minimum number of server processes which are kept spare
# MaxSpareServers: maximum number of server processes which are kept spare
# MaxRequestWorkers: maximum number of server processes allowed to start
# MaxConnectionsPerChild: maximum number of requests a server process serves

StartServers            5
MinSpareServers         5
MaxSpareServers         10
MaxRequestWorkers       150
MaxConnectionsPerChild  0
`,
  '/etc/apache2/mods-available/mpm_prefork.load': `# Conflicts: mpm_event mpm_worker
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
`,
  '/etc/apache2/mods-available/mpm_worker.conf': `# worker MPM
# StartServers: initial number of server processes to start
# MinSpareThreads: minimum number of worker threads which are kept spare
# MaxSpareThreads: maximum number of worker threads which are kept spare
# ThreadLimit: ThreadsPerChild can be changed to this maximum value during a
#			  graceful restart. ThreadLimit can only be changed by stopping
#			  and starting Apache.
# ThreadsPerChild: constant number of worker threads in each server process
# MaxRequestWorkers: maximum number of threads
# MaxConnectionsPerChild: maximum number of requests a server process serves

StartServers            2
MinSpareThreads         25
MaxSpareThreads         75
ThreadLimit             64
ThreadsPerChild         25
MaxRequestWorkers       150
MaxConnectionsPerChild  0
`,
  '/etc/apache2/mods-available/mpm_worker.load': `# Conflicts: mpm_event mpm_prefork
LoadModule mpm_worker_module /usr/lib/apache2/modules/mod_mpm_worker.so
`,
  '/etc/apache2/mods-available/negotiation.conf': `# LanguagePriority allows you to give precedence to some languages
# in case of a tie during content negotiation.
#
# Just list the languages in decreasing order of preference. We have
# more or less alphabetized them here. You probably want to change this.
#
LanguagePriority en ca cs da de el eo es et fr he hr it ja ko ltz nl nn no pl pt pt-BR ru sv tr zh-CN zh-TW

#
# ForceLanguagePriority allows you to serve a result page rather than
# MULTIPLE CHOICES (Prefer) [in case of a tie] or NOT ACCEPTABLE (Fallback)
# [in case no accepted languages matched the available variants]
#
ForceLanguagePriority Prefer Fallback
`,
  '/etc/apache2/mods-available/negotiation.load': `LoadModule negotiation_module /usr/lib/apache2/modules/mod_negotiation.so
`,
  '/etc/apache2/mods-available/proxy.conf': `# If you want to use apache2 as a forward proxy, uncomment the
# 'ProxyRequests On' line and the <Proxy *> block below.
# WARNING: Be careful to restrict access inside the <Proxy *> block.
# Open proxy servers are dangerous both to your network and to the
# Internet at large.
#
# If you only want to use apache2 as a reverse proxy/gateway in
# front of some web application server, you DON'T need
# 'ProxyRequests On'.

#ProxyRequests On
#<Proxy *>
#   AddDefaultCharset off
#   Require all denied
#   #Require local
#</Proxy>

# Enable/disable the handling of HTTP/1.1 "Via:" headers.
# ("Full" adds the server version; "Block" removes all outgoing Via: headers)
# Set to one of: Off | On | Full | Block
#ProxyVia Off
`,
  '/etc/apache2/mods-available/proxy.load': `LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so
`,
  '/etc/apache2/mods-available/proxy_ajp.load': `# Depends: proxy
LoadModule proxy_ajp_module /usr/lib/apache2/modules/mod_proxy_ajp.so
`,
  '/etc/apache2/mods-available/proxy_balancer.conf': `# Balancer manager enables dynamic update of balancer members
# (needs mod_status). Uncomment to enable.
#
#<IfModule mod_status.c>
#	<Location /balancer-manager>
#		SetHandler balancer-manager
#		Require local
#	</Location>
#</IfModule>
`,
  '/etc/apache2/mods-available/proxy_balancer.load': `# Depends: proxy alias slotmem_shm
LoadModule proxy_balancer_module /usr/lib/apache2/modules/mod_proxy_balancer.so
`,
  '/etc/apache2/mods-available/proxy_connect.load': `# Depends: proxy
LoadModule proxy_connect_module /usr/lib/apache2/modules/mod_proxy_connect.so
`,
  '/etc/apache2/mods-available/proxy_express.load': `# Depends: proxy
LoadModule proxy_express_module /usr/lib/apache2/modules/mod_proxy_express.so
`,
  '/etc/apache2/mods-available/proxy_fcgi.load': `# Depends: proxy
LoadModule proxy_fcgi_module /usr/lib/apache2/modules/mod_proxy_fcgi.so
`,
  '/etc/apache2/mods-available/proxy_fdpass.load': `# Depends: proxy
LoadModule proxy_fdpass_module /usr/lib/apache2/modules/mod_proxy_fdpass.so
`,
  '/etc/apache2/mods-available/proxy_ftp.conf': `# Define the character set for proxied FTP listings. Default is ISO-8859-1
ProxyFtpDirCharset UTF-8
`,
  '/etc/apache2/mods-available/proxy_ftp.load': `# Depends: proxy
LoadModule proxy_ftp_module /usr/lib/apache2/modules/mod_proxy_ftp.so
`,
  '/etc/apache2/mods-available/proxy_hcheck.load': `# Depends: proxy
LoadModule proxy_hcheck_module /usr/lib/apache2/modules/mod_proxy_hcheck.so
`,
  '/etc/apache2/mods-available/proxy_html.conf': `# Configuration example.
#
# For detailed information about these directives see
# <URL:http://httpd.apache.org/docs/2.4/mod/mod_proxy_html.html>
# and for mod_xml2enc see
# <URL:http://httpd.apache.org/docs/2.4/mod/mod_xml2enc.html>
#

# All knowledge of HTML links has been removed from the mod_proxy_html
# code itself, and is instead read from httpd.conf (or included file)
# at server startup.  So you MUST declare it.  This will normally be
# at top level, but can also be used in a <Location>.
#
# Here's the declaration for W3C HTML 4.01 and XHTML 1.0

ProxyHTMLLinks  a           href
ProxyHTMLLinks  area        href
ProxyHTMLLinks  link        href
ProxyHTMLLinks  img         src longdesc usemap
ProxyHTMLLinks  object      classid codebase data usemap
ProxyHTMLLinks  q           cite
ProxyHTMLLinks  blockquote  cite
ProxyHTMLLinks  ins         cite
ProxyHTMLLinks  del         cite
ProxyHTMLLinks  form        action
ProxyHTMLLinks  input       src usemap
ProxyHTMLLinks  head        profile
ProxyHTMLLinks  base        href
ProxyHTMLLinks  script      src for

# To support scripting events (with ProxyHTMLExtended On),
# you'll need to declare them too.

ProxyHTMLEvents \\
	onclick ondblclick \\
	onmousedown onmouseup onmouseover onmousemove onmouseout \\
	onkeypress onkeydown onkeyup onfocus onblur \\
	onload onunload onsubmit onreset onselect onchange

# If you need to support legacy (pre-1998, aka "transitional") HTML or XHTML,
# you'll need to uncomment the following deprecated link attributes.
# Note that these are enabled in earlier mod_proxy_html versions
#
# ProxyHTMLLinks    frame   src longdesc
# ProxyHTMLLinks    iframe  src longdesc
# ProxyHTMLLinks    body    background
# ProxyHTMLLinks    applet  codebase
#
# If you're dealing with proprietary HTML variants,
# declare your own URL attributes here as required.
#
# ProxyHTMLLinks    myelement   myattr otherattr
#
###########
# EXAMPLE #
###########
#
# To define the URL /my-gateway/ as a gateway to an appserver with address
# http://some.app.intranet/ on a private network, after loading the
# modules and including this configuration file:
#
# ProxyRequests Off  <-- this is an important security setting
# ProxyPass /my-gateway/ http://some.app.intranet/
# <Location /my-gateway/>
#	ProxyPassReverse /
#	ProxyHTMLEnable On
#	ProxyHTMLURLMap http://some.app.intranet/ /my-gateway/
#	ProxyHTMLURLMap / /my-gateway/
# </Location>
#
# Many (though not all) real-life setups are more complex.
#
# See the documentation at
# http://apache.webthing.com/mod_proxy_html/
# and the tutorial at
# http://www.apachetutor.org/admin/reverseproxies
`,
  '/etc/apache2/mods-available/proxy_html.load': `# Depends: proxy xml2enc
LoadModule proxy_html_module /usr/lib/apache2/modules/mod_proxy_html.so
`,
  '/etc/apache2/mods-available/proxy_http.load': `# Depends: proxy
LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so
`,
  '/etc/apache2/mods-available/proxy_http2.load': `# Depends: proxy http2
LoadModule proxy_http2_module /usr/lib/apache2/modules/mod_proxy_http2.so
`,
  '/etc/apache2/mods-available/proxy_scgi.load': `# Depends: proxy
LoadModule proxy_scgi_module /usr/lib/apache2/modules/mod_proxy_scgi.so
`,
  '/etc/apache2/mods-available/proxy_uwsgi.load': `# Depends: proxy
LoadModule proxy_uwsgi_module /usr/lib/apache2/modules/mod_proxy_uwsgi.so
`,
  '/etc/apache2/mods-available/proxy_wstunnel.load': `# Depends: proxy
LoadModule proxy_wstunnel_module /usr/lib/apache2/modules/mod_proxy_wstunnel.so
`,
  '/etc/apache2/mods-available/ratelimit.load': `# Depends: env
LoadModule ratelimit_module /usr/lib/apache2/modules/mod_ratelimit.so
`,
  '/etc/apache2/mods-available/reflector.load': `LoadModule reflector_module /usr/lib/apache2/modules/mod_reflector.so
`,
  '/etc/apache2/mods-available/remoteip.load': `LoadModule remoteip_module /usr/lib/apache2/modules/mod_remoteip.so
`,
  '/etc/apache2/mods-available/reqtimeout.conf': `# mod_reqtimeout limits the time waiting on the client to prevent an
# attacker from causing a denial of service by opening many connections
# but not sending requests. This file tries to give a sensible default
# configuration, but it may be necessary to tune the timeout values to
# the actual situation. Note that it is also possible to configure
# mod_reqtimeout per virtual host.


# Wait max 20 seconds for the first byte of the request line+headers
# From then, require a minimum data rate of 500 bytes/s, but don't
# wait longer than 40 seconds in total.
# Note: Lower timeouts may make sense on non-ssl virtual hosts but can
# cause problem with ssl enabled virtual hosts: This timeout includes
# the time a browser may need to fetch the CRL for the certificate. If
# the CRL server is not reachable, it may take more than 10 seconds
# until the browser gives up.
RequestReadTimeout header=20-40,minrate=500

# Wait max 10 seconds for the first byte of the request body (if any)
# From then, require a minimum data rate of 500 bytes/s
RequestReadTimeout body=10,minrate=500
`,
  '/etc/apache2/mods-available/reqtimeout.load': `LoadModule reqtimeout_module /usr/lib/apache2/modules/mod_reqtimeout.so
`,
  '/etc/apache2/mods-available/request.load': `LoadModule request_module /usr/lib/apache2/modules/mod_request.so
`,
  '/etc/apache2/mods-available/rewrite.load': `LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
`,
  '/etc/apache2/mods-available/sed.load': `LoadModule sed_module /usr/lib/apache2/modules/mod_sed.so
`,
  '/etc/apache2/mods-available/session.load': `LoadModule session_module /usr/lib/apache2/modules/mod_session.so
`,
  '/etc/apache2/mods-available/session_cookie.load': `# Depends: session
LoadModule session_cookie_module /usr/lib/apache2/modules/mod_session_cookie.so
`,
  '/etc/apache2/mods-available/session_crypto.load': `# Depends: session
LoadModule session_crypto_module /usr/lib/apache2/modules/mod_session_crypto.so
`,
  '/etc/apache2/mods-available/session_dbd.load': `# Depends: session
LoadModule session_dbd_module /usr/lib/apache2/modules/mod_session_dbd.so
`,
  '/etc/apache2/mods-available/setenvif.conf': `#
# The following directives modify normal HTTP response behavior to
# handle known problems with browser implementations.
#
BrowserMatch "Mozilla/2" nokeepalive
BrowserMatch "MSIE 4\\.0b2;" nokeepalive downgrade-1.0 force-response-1.0
BrowserMatch "RealPlayer 4\\.0" force-response-1.0
BrowserMatch "Java/1\\.0" force-response-1.0
BrowserMatch "JDK/1\\.0" force-response-1.0

#
# The following directive disables redirects on non-GET requests for
# a directory that does not include the trailing slash.  This fixes a
# problem with Microsoft WebFolders which does not appropriately handle
# redirects for folders with DAV methods.
# Same deal with Apple's DAV filesystem and Gnome VFS support for DAV.
#
BrowserMatch "Microsoft Data Access Internet Publishing Provider" redirect-carefully
BrowserMatch "MS FrontPage" redirect-carefully
BrowserMatch "^WebDrive" redirect-carefully
BrowserMatch "^WebDAVFS/1\\.[012]" redirect-carefully
BrowserMatch "^gnome-vfs/1\\.0" redirect-carefully
BrowserMatch "^gvfs/1" redirect-carefully
BrowserMatch "^XML Spy" redirect-carefully
BrowserMatch "^Dreamweaver-WebDAV-SCM1" redirect-carefully
BrowserMatch " Konqueror/4" redirect-carefully
`,
  '/etc/apache2/mods-available/setenvif.load': `LoadModule setenvif_module /usr/lib/apache2/modules/mod_setenvif.so
`,
  '/etc/apache2/mods-available/slotmem_plain.load': `LoadModule slotmem_plain_module /usr/lib/apache2/modules/mod_slotmem_plain.so
`,
  '/etc/apache2/mods-available/slotmem_shm.load': `LoadModule slotmem_shm_module /usr/lib/apache2/modules/mod_slotmem_shm.so
`,
  '/etc/apache2/mods-available/socache_dbm.load': `LoadModule socache_dbm_module /usr/lib/apache2/modules/mod_socache_dbm.so
`,
  '/etc/apache2/mods-available/socache_memcache.load': `LoadModule socache_memcache_module /usr/lib/apache2/modules/mod_socache_memcache.so
`,
  '/etc/apache2/mods-available/socache_redis.load': `LoadModule socache_redis_module /usr/lib/apache2/modules/mod_socache_redis.so
`,
  '/etc/apache2/mods-available/socache_shmcb.load': `LoadModule socache_shmcb_module /usr/lib/apache2/modules/mod_socache_shmcb.so
`,
  '/etc/apache2/mods-available/speling.load': `LoadModule speling_module /usr/lib/apache2/modules/mod_speling.so
`,
  '/etc/apache2/mods-available/ssl.conf': `# Pseudo Random Number Generator (PRNG):
# Configure one or more sources to seed the PRNG of the SSL library.
# The seed data should be of good random quality.
# WARNING! On some platforms /dev/random blocks if not enough entropy
# is available. This means you then cannot use the /dev/random device
# because it would lead to very long connection times (as long as
# it requires to make more entropy available). But usually those
# platforms additionally provide a /dev/urandom device which doesn't
# block. So, if available, use this one instead. Read the mod_ssl User
# Manual for more details.
#
SSLRandomSeed startup builtin
SSLRandomSeed startup file:/dev/urandom 512
SSLRandomSeed connect builtin
SSLRandomSeed connect file:/dev/urandom 512

##
##  SSL Global Context
##
##  All SSL configuration in this context applies both to
##  the main server and all SSL-enabled virtual hosts.
##

#
#   Some MIME-types for downloading Certificates and CRLs
#
AddType application/x-x509-ca-cert .crt
AddType application/x-pkcs7-crl .crl

#   Pass Phrase Dialog:
#   Configure the pass phrase gathering process\x2e
#   The filtering dialog program (\`builtin' is a internal
#   terminal dialog) has to provide the pass phrase on stdout.
SSLPassPhraseDialog  exec:/usr/share/apache2/ask-for-passphrase

#   Inter-Process Session Cache:
#   Configure the SSL Session Cache: First the mechanism
#   to use and second the expiring timeout (in seconds).
#   (The mechanism dbm has known memory leaks and should not be used).
#SSLSessionCache    dbm:\${APACHE_RUN_DIR}/ssl_scache
SSLSessionCache     shmcb:\${APACHE_RUN_DIR}/ssl_scache(512000)
SSLSessionCacheTimeout  300

#   Semaphore:
#   Configure the path to the mutual exclusion semaphore the
#   SSL engine uses internally for inter-process synchronization.
#   (Disabled by default, the global Mutex directive consolidates by default
#   this)
#Mutex file:\${APACHE_LOCK_DIR}/ssl_mutex ssl-cache


#   SSL Cipher Suite:
#   List the ciphers that the client is permitted to negotiate. See the
#   ciphers(1) man page from the openssl package for list of all available
#   options.
#   Enable only secure ciphers:
SSLCipherSuite HIGH:!aNULL

# SSL server cipher order preference:
# Use server priorities for cipher algorithm choice.
# Clients may prefer lower grade encryption.  You should enable this
# option if you want to enforce stronger encryption, and can afford
# the CPU cost, and did not override SSLCipherSuite in a way that puts
# insecure ciphers first.
# Default: Off
#SSLHonorCipherOrder on

#   The protocols to enable.
#   Available values: all, SSLv3, TLSv1, TLSv1.1, TLSv1.2
#   SSL v2  is no longer supported
SSLProtocol all -SSLv3

#   Allow insecure renegotiation with clients which do not yet support the
#   secure renegotiation protocol. Default: Off
#SSLInsecureRenegotiation on

#   Whether to forbid non-SNI clients to access name based virtual hosts.
#   Default: Off
#SSLStrictSNIVHostCheck On

# Warning: Session Tickets require regular reloading of the server!
# Make sure you do this (e.g. via logrotate) before changing this setting!
SSLSessionTickets off
`,
  '/etc/apache2/mods-available/ssl.load': `# Depends: setenvif mime socache_shmcb
LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
`,
  '/etc/apache2/mods-available/status.conf': `# Allow server status reports generated by mod_status,
# with the URL of http://servername/server-status
# Uncomment and change the "192.0.2.0/24" to allow access from other hosts.

<Location /server-status>
	SetHandler server-status
	Require local
	#Require ip 192.0.2.0/24
</Location>

# Keep track of extended status information for each request
ExtendedStatus On

# Determine if mod_status displays the first 63 characters of a request or
# the last 63, assuming the request itself is greater than 63 chars.
# Default: Off
#SeeRequestTail On


<IfModule mod_proxy.c>
	# Show Proxy LoadBalancer status in mod_status
	ProxyStatus On
</IfModule>
`,
  '/etc/apache2/mods-available/status.load': `LoadModule status_module /usr/lib/apache2/modules/mod_status.so
`,
  '/etc/apache2/mods-available/substitute.load': `LoadModule substitute_module /usr/lib/apache2/modules/mod_substitute.so
`,
  '/etc/apache2/mods-available/suexec.load': `LoadModule suexec_module /usr/lib/apache2/modules/mod_suexec.so
`,
  '/etc/apache2/mods-available/unique_id.load': `LoadModule unique_id_module /usr/lib/apache2/modules/mod_unique_id.so
`,
  '/etc/apache2/mods-available/userdir.conf': `UserDir public_html
UserDir disabled root

<Directory /home/*/public_html>
	AllowOverride FileInfo AuthConfig Limit Indexes
	Options MultiViews Indexes SymLinksIfOwnerMatch IncludesNoExec
	Require method GET POST OPTIONS
</Directory>
`,
  '/etc/apache2/mods-available/userdir.load': `LoadModule userdir_module /usr/lib/apache2/modules/mod_userdir.so
`,
  '/etc/apache2/mods-available/usertrack.load': `LoadModule usertrack_module /usr/lib/apache2/modules/mod_usertrack.so
`,
  '/etc/apache2/mods-available/vhost_alias.load': `LoadModule vhost_alias_module /usr/lib/apache2/modules/mod_vhost_alias.so
`,
  '/etc/apache2/mods-available/xml2enc.load': `LoadModule xml2enc_module /usr/lib/apache2/modules/mod_xml2enc.so
`,
  '/etc/apache2/conf-available/charset.conf': `# Read the documentation before enabling AddDefaultCharset.
# In general, it is only a good idea if you know that all your files
# have this encoding. It will override any encoding given in the files
# in meta http-equiv or xml encoding tags.

#AddDefaultCharset UTF-8
`,
  '/etc/apache2/conf-available/javascript-common.conf': `Alias /javascript /usr/share/javascript/

<Directory "/usr/share/javascript/">
	Options FollowSymLinks MultiViews
</Directory>
`,
  '/etc/apache2/conf-available/localized-error-pages.conf': `# Customizable error responses come in three flavors:
# 1) plain text
# 2) local redirects
# 3) external redirects
#
# Some examples:
#ErrorDocument 500 "The server made a boo boo."
#ErrorDocument 404 /missing.html
#ErrorDocument 404 "/cgi-bin/missing_handler.pl"
#ErrorDocument 402 http://www.example.com/subscription_info.html
#

#
# Putting this all together, we can internationalize error responses.
#
# We use Alias to redirect any /error/HTTP_<error>.html.var response to
# our collection of by-error message multi-language collections.  We use
# includes to substitute the appropriate text.
#
# You can modify the messages' appearance without changing any of the
# default HTTP_<error>.html.var files by adding the line:
#
#Alias /error/include/ "/your/include/path/"
#
# which allows you to create your own set of files by starting with the
# /usr/share/apache2/error/include/ files and copying them to /your/include/path/,
# even on a per-VirtualHost basis.  If you include the Alias in the global server
# context, is has to come _before_ the 'Alias /error/ ...' line.
#
# The default include files will display your Apache version number and your
# ServerAdmin email address regardless of the setting of ServerSignature.
#
# WARNING: The configuration below will NOT work out of the box if you have a
#		  SetHandler directive in a <Location /> context somewhere. Adding
#		  the following three lines AFTER the <Location /> context should
#		  make it work in most cases:
#		  <Location /error/>
#			 SetHandler none
#		  </Location>
#
# The internationalized error documents require mod_alias, mod_include
# and mod_negotiation.  To activate them, uncomment the following 37 lines.

#<IfModule mod_negotiation.c>
#	<IfModule mod_include.c>
#		<IfModule mod_alias.c>
#
#			Alias /error/ "/usr/share/apache2/error/"
#
#			<Directory "/usr/share/apache2/error">
#				Options IncludesNoExec
#				AddOutputFilter Includes html
#				AddHandler type-map var
#				Order allow,deny
#				Allow from all
#				LanguagePriority en cs de es fr it nl sv pt-br ro
#				ForceLanguagePriority Prefer Fallback
#			</Directory>
#
#			ErrorDocument 400 /error/HTTP_BAD_REQUEST.html.var
#			ErrorDocument 401 /error/HTTP_UNAUTHORIZED.html.var
#			ErrorDocument 403 /error/HTTP_FORBIDDEN.html.var
#			ErrorDocument 404 /error/HTTP_NOT_FOUND.html.var
#			ErrorDocument 405 /error/HTTP_METHOD_NOT_ALLOWED.html.var
#			ErrorDocument 408 /error/HTTP_REQUEST_TIME_OUT.html.var
#			ErrorDocument 410 /error/HTTP_GONE.html.var
#			ErrorDocument 411 /error/HTTP_LENGTH_REQUIRED.html.var
#			ErrorDocument 412 /error/HTTP_PRECONDITION_FAILED.html.var
#			ErrorDocument 413 /error/HTTP_REQUEST_ENTITY_TOO_LARGE.html.var
#			ErrorDocument 414 /error/HTTP_REQUEST_URI_TOO_LARGE.html.var
#			ErrorDocument 415 /error/HTTP_UNSUPPORTED_MEDIA_TYPE.html.var
#			ErrorDocument 500 /error/HTTP_INTERNAL_SERVER_ERROR.html.var
#			ErrorDocument 501 /error/HTTP_NOT_IMPLEMENTED.html.var
#			ErrorDocument 502 /error/HTTP_BAD_GATEWAY.html.var
#			ErrorDocument 503 /error/HTTP_SERVICE_UNAVAILABLE.html.var
#			ErrorDocument 506 /error/HTTP_VARIANT_ALSO_VARIES.html.var
#		</IfModule>
#	</IfModule>
#</IfModule>
`,
  '/etc/apache2/conf-available/other-vhosts-access-log.conf': `# Define an access log for VirtualHosts that don't define their own logfile
CustomLog \${APACHE_LOG_DIR}/other_vhosts_access.log vhost_combined
`,
  '/etc/apache2/conf-available/security.conf': `# Changing the following options will not really affect the security of the
# server, but might make attacks slightly more difficult in some cases.

#
# ServerTokens
# This directive configures what you return as the Server HTTP response
# Header. The default is 'Full' which sends information about the OS-Type
# and compiled in modules.
# Set to one of:  Full | OS | Minimal | Minor | Major | Prod
# where Full conveys the most information, and Prod the least.
#ServerTokens Minimal
ServerTokens OS
#ServerTokens Full

#
# Optionally add a line containing the server version and virtual host
# name to server-generated pages (internal error documents, FTP directory
# listings, mod_status and mod_info output etc., but not CGI generated
# documents or custom error documents).
# Set to "EMail" to also include a mailto: link to the ServerAdmin.
# Set to one of:  On | Off | EMail
#ServerSignature Off
ServerSignature On

#
# Allow TRACE method
#
# Set to "extended" to also reflect the request body (only for testing and
# diagnostic purposes).
#
# Set to one of:  On | Off | extended
TraceEnable Off
#TraceEnable On

#
# Forbid access to version control directories
#
# If you use version control systems in your document root, you should
# probably deny access to their directories.
#
# Examples:
#
#RedirectMatch 404 /\\.git
#RedirectMatch 404 /\\.svn

#
# Setting this header will prevent MSIE from interpreting files as something
# else than declared by the content type in the HTTP headers.
# Requires mod_headers to be enabled.
#
#Header set X-Content-Type-Options: "nosniff"

#
# Setting this header will prevent other sites from embedding pages from this
# site as frames. This defends against clickjacking attacks.
# Requires mod_headers to be enabled.
#
#Header set Content-Security-Policy "frame-ancestors 'self';"
`,
  '/etc/apache2/conf-available/serve-cgi-bin.conf': `<IfModule mod_alias.c>
	<IfModule mod_cgi.c>
		Define ENABLE_USR_LIB_CGI_BIN
	</IfModule>

	<IfModule mod_cgid.c>
		Define ENABLE_USR_LIB_CGI_BIN
	</IfModule>

	<IfDefine ENABLE_USR_LIB_CGI_BIN>
		ScriptAlias /cgi-bin/ /usr/lib/cgi-bin/
		<Directory "/usr/lib/cgi-bin">
			AllowOverride None
			Options +ExecCGI -MultiViews +SymLinksIfOwnerMatch
			Require all granted
		</Directory>
	</IfDefine>
</IfModule>
`,
  '/etc/apache2/sites-available/000-default.conf': `<VirtualHost *:80>
	# The ServerName directive sets the request scheme, hostname and port that
	# the server uses to identify itself. This is used when creating
	# redirection URLs. In the context of virtual hosts, the ServerName
	# specifies what hostname must appear in the request's Host: header to
	# match this virtual host. For the default virtual host (this file) this
	# value is not decisive as it is used as a last resort host regardless.
	# However, you must set it for any further virtual host explicitly.
	#ServerName www.example.com

	ServerAdmin webmaster@localhost
	DocumentRoot /var/www/html

	# Available loglevels: trace8, ..., trace1, debug, info, notice, warn,
	# error, crit, alert, emerg.
	# It is also possible to configure the loglevel for particular
	# modules, e.g.
	#LogLevel info ssl:warn

	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined

	# For most configuration files from conf-available/, which are
	# enabled or disabled at a global level, it is possible to
	# include a line for only one particular virtual host. For example the
	# following line enables the CGI configuration for this host only
	# after it has been globally disabled with "a2disconf".
	#Include conf-available/serve-cgi-bin.conf
</VirtualHost>
`,
  '/etc/apache2/sites-available/default-ssl.conf': `<VirtualHost *:443>
	ServerAdmin webmaster@localhost

	DocumentRoot /var/www/html

	# Available loglevels: trace8, ..., trace1, debug, info, notice, warn,
	# error, crit, alert, emerg.
	# It is also possible to configure the loglevel for particular
	# modules, e.g.
	#LogLevel info ssl:warn

	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined

	# For most configuration files from conf-available/, which are
	# enabled or disabled at a global level, it is possible to
	# include a line for only one particular virtual host. For example the
	# following line enables the CGI configuration for this host only
	# after it has been globally disabled with "a2disconf".
	#Include conf-available/serve-cgi-bin.conf

	#   SSL Engine Switch:
	#   Enable/Disable SSL for this virtual host.
	SSLEngine on

	#   A self-signed (snakeoil) certificate can be created by installing
	#   the ssl-cert package. See
	#   /usr/share/doc/apache2/README.Debian.gz for more info.
	#   If both key and certificate are stored in the same file, only the
	#   SSLCertificateFile directive is needed.
	SSLCertificateFile      /etc/ssl/certs/ssl-cert-snakeoil.pem
	SSLCertificateKeyFile   /etc/ssl/private/ssl-cert-snakeoil.key

	#   Server Certificate Chain:
	#   Point SSLCertificateChainFile at a file containing the
	#   concatenation of PEM encoded CA certificates which form the
	#   certificate chain for the server certificate. Alternatively
	#   the referenced file can be the same as SSLCertificateFile
	#   when the CA certificates are directly appended to the server
	#   certificate for convinience.
	#SSLCertificateChainFile /etc/apache2/ssl.crt/server-ca.crt

	#   Certificate Authority (CA):
	#   Set the CA certificate verification path where to find CA
	#   certificates for client authentication or alternatively one
	#   huge file containing all of them (file must be PEM encoded)
	#   Note: Inside SSLCACertificatePath you need hash symlinks
	#	  to point to the certificate files. Use the provided
	#	  Makefile to update the hash symlinks after changes.
	#SSLCACertificatePath /etc/ssl/certs/
	#SSLCACertificateFile /etc/apache2/ssl.crt/ca-bundle.crt

	#   Certificate Revocation Lists (CRL):
	#   Set the CA revocation path where to find CA CRLs for client
	#   authentication or alternatively one huge file containing all
	#   of them (file must be PEM encoded)
	#   Note: Inside SSLCARevocationPath you need hash symlinks
	#	  to point to the certificate files. Use the provided
	#	  Makefile to update the hash symlinks after changes.
	#SSLCARevocationPath /etc/apache2/ssl.crl/
	#SSLCARevocationFile /etc/apache2/ssl.crl/ca-bundle.crl

	#   Client Authentication (Type):
	#   Client certificate verification type and depth.  Types are
	#   none, optional, require and optional_no_ca.  Depth is a
	#   number which specifies how deeply to verify the certificate
	#   issuer chain before deciding the certificate is not valid.
	#SSLVerifyClient require
	#SSLVerifyDepth  10

	#   SSL Engine Options:
	#   Set various options for the SSL engine.
	#   o FakeBasicAuth:
	#    Translate the client X.509 into a Basic Authorisation.  This means that
	#    the standard Auth/DBMAuth methods can be used for access control.  The
	#    user name is the \`one line' version of the client's X.509 certificate.
	#    Note that no password is obtained from the user. Every entry in the user
	#    file needs this password: \`xxj31ZMTZzkVA'.
	#   o ExportCertData:
	#    This exports two additional environment variables: SSL_CLIENT_CERT and
	#    SSL_SERVER_CERT. These contain the PEM-encoded certificates of the
	#    server (always existing) and the client (only existing when client
	#    authentication is used). This can be used to import the certificates
	#    into CGI scripts.
	#   o StdEnvVars:
	#    This exports the standard SSL/TLS related \`SSL_*' environment variables.
	#    Per default this exportation is switched off for performance reasons,
	#    because the extraction step is an expensive operation and is usually
	#    useless for serving static content. So one usually enables the
	#    exportation for CGI and SSI requests only.
	#   o OptRenegotiate:
	#    This enables optimized SSL connection renegotiation handling when SSL
	#    directives are used in per-directory context.
	#SSLOptions +FakeBasicAuth +ExportCertData +StrictRequire
	<FilesMatch "\\.(?:cgi|shtml|phtml|php)$">
		SSLOptions +StdEnvVars
	</FilesMatch>
	<Directory /usr/lib/cgi-bin>
		SSLOptions +StdEnvVars
	</Directory>

	#   SSL Protocol Adjustments:
	#   The safe and default but still SSL/TLS standard compliant shutdown
	#   approach is that mod_ssl sends the close notify alert but doesn't wait for
	#   the close notify alert from client. When you need a different shutdown
	#   approach you can use one of the following variables:
	#   o ssl-unclean-shutdown:
	#    This forces an unclean shutdown when the connection is closed, i.e. no
	#    SSL close notify alert is send or allowed to received.  This violates
	#    the SSL/TLS standard but is needed for some brain-dead browsers. Use
	#    this when you receive I/O errors because of the standard approach where
	#    mod_ssl sends the close notify alert.
	#   o ssl-accurate-shutdown:
	#    This forces an accurate shutdown when the connection is closed, i.e. a
	#    SSL close notify alert is send and mod_ssl waits for the close notify
	#    alert of the client. This is 100% SSL/TLS standard compliant, but in
	#    practice often causes hanging connections with brain-dead browsers. Use
	#    this only for browsers where you know that their SSL implementation
	#    works correctly.
	#   Notice: Most problems of broken clients are also related to the HTTP
	#   keep-alive facility, so you usually additionally want to disable
	#   keep-alive for those clients, too. Use variable "nokeepalive" for this.
	#   Similarly, one has to force some clients to use HTTP/1.0 to workaround
	#   their broken HTTP/1.1 implementation. Use variables "downgrade-1.0" and
	#   "force-response-1.0" for this.
	# BrowserMatch "MSIE [2-6]" \\
	#	nokeepalive ssl-unclean-shutdown \\
	#	downgrade-1.0 force-response-1.0

</VirtualHost>
`,
};

/** The links of mods-enabled, conf-enabled and sites-enabled (path -> target). */
export const APACHE2_CONF_LINKS: Record<string, string> = {
  '/etc/apache2/mods-enabled/access_compat.load': '../mods-available/access_compat.load',
  '/etc/apache2/mods-enabled/alias.conf': '../mods-available/alias.conf',
  '/etc/apache2/mods-enabled/alias.load': '../mods-available/alias.load',
  '/etc/apache2/mods-enabled/auth_basic.load': '../mods-available/auth_basic.load',
  '/etc/apache2/mods-enabled/authn_core.load': '../mods-available/authn_core.load',
  '/etc/apache2/mods-enabled/authn_file.load': '../mods-available/authn_file.load',
  '/etc/apache2/mods-enabled/authz_core.load': '../mods-available/authz_core.load',
  '/etc/apache2/mods-enabled/authz_host.load': '../mods-available/authz_host.load',
  '/etc/apache2/mods-enabled/authz_user.load': '../mods-available/authz_user.load',
  '/etc/apache2/mods-enabled/autoindex.conf': '../mods-available/autoindex.conf',
  '/etc/apache2/mods-enabled/autoindex.load': '../mods-available/autoindex.load',
  '/etc/apache2/mods-enabled/deflate.conf': '../mods-available/deflate.conf',
  '/etc/apache2/mods-enabled/deflate.load': '../mods-available/deflate.load',
  '/etc/apache2/mods-enabled/dir.conf': '../mods-available/dir.conf',
  '/etc/apache2/mods-enabled/dir.load': '../mods-available/dir.load',
  '/etc/apache2/mods-enabled/env.load': '../mods-available/env.load',
  '/etc/apache2/mods-enabled/filter.load': '../mods-available/filter.load',
  '/etc/apache2/mods-enabled/mime.conf': '../mods-available/mime.conf',
  '/etc/apache2/mods-enabled/mime.load': '../mods-available/mime.load',
  '/etc/apache2/mods-enabled/mpm_event.conf': '../mods-available/mpm_event.conf',
  '/etc/apache2/mods-enabled/mpm_event.load': '../mods-available/mpm_event.load',
  '/etc/apache2/mods-enabled/negotiation.conf': '../mods-available/negotiation.conf',
  '/etc/apache2/mods-enabled/negotiation.load': '../mods-available/negotiation.load',
  '/etc/apache2/mods-enabled/reqtimeout.conf': '../mods-available/reqtimeout.conf',
  '/etc/apache2/mods-enabled/reqtimeout.load': '../mods-available/reqtimeout.load',
  '/etc/apache2/mods-enabled/setenvif.conf': '../mods-available/setenvif.conf',
  '/etc/apache2/mods-enabled/setenvif.load': '../mods-available/setenvif.load',
  '/etc/apache2/mods-enabled/status.conf': '../mods-available/status.conf',
  '/etc/apache2/mods-enabled/status.load': '../mods-available/status.load',
  '/etc/apache2/conf-enabled/charset.conf': '../conf-available/charset.conf',
  '/etc/apache2/conf-enabled/localized-error-pages.conf': '../conf-available/localized-error-pages.conf',
  '/etc/apache2/conf-enabled/other-vhosts-access-log.conf': '../conf-available/other-vhosts-access-log.conf',
  '/etc/apache2/conf-enabled/security.conf': '../conf-available/security.conf',
  '/etc/apache2/conf-enabled/serve-cgi-bin.conf': '../conf-available/serve-cgi-bin.conf',
  '/etc/apache2/sites-enabled/000-default.conf': '../sites-available/000-default.conf',
};

/** /var/www/html/index.html: Debian's "It works" page. */
export const APACHE2_DEFAULT_PAGE = `
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <title>Apache2 Debian Default Page: It works</title>
    <style type="text/css" media="screen">
  * {
    margin: 0px 0px 0px 0px;
    padding: 0px 0px 0px 0px;
  }

  body, html {
    padding: 3px 3px 3px 3px;

    background-color: #D8DBE2;

    font-family: Verdana, sans-serif;
    font-size: 11pt;
    text-align: center;
  }

  div.main_page {
    position: relative;
    display: table;

    width: 800px;

    margin-bottom: 3px;
    margin-left: auto;
    margin-right: auto;
    padding: 0px 0px 0px 0px;

    border-width: 2px;
    border-color: #212738;
    border-style: solid;

    background-color: #FFFFFF;

    text-align: center;
  }

  div.page_header {
    height: 99px;
    width: 100%;

    background-color: #F5F6F7;
  }

  div.page_header span {
    margin: 15px 0px 0px 50px;

    font-size: 180%;
    font-weight: bold;
  }

  div.page_header img {
    margin: 3px 0px 0px 40px;

    border: 0px 0px 0px;
  }

  div.table_of_contents {
    clear: left;

    min-width: 200px;

    margin: 3px 3px 3px 3px;

    background-color: #FFFFFF;

    text-align: left;
  }

  div.table_of_contents_item {
    clear: left;

    width: 100%;

    margin: 4px 0px 0px 0px;

    background-color: #FFFFFF;

    color: #000000;
    text-align: left;
  }

  div.table_of_contents_item a {
    margin: 6px 0px 0px 6px;
  }

  div.content_section {
    margin: 3px 3px 3px 3px;

    background-color: #FFFFFF;

    text-align: left;
  }

  div.content_section_text {
    padding: 4px 8px 4px 8px;

    color: #000000;
    font-size: 100%;
  }

  div.content_section_text pre {
    margin: 8px 0px 8px 0px;
    padding: 8px 8px 8px 8px;

    border-width: 1px;
    border-style: dotted;
    border-color: #000000;

    background-color: #F5F6F7;

    font-style: italic;
  }

  div.content_section_text p {
    margin-bottom: 6px;
  }

  div.content_section_text ul, div.content_section_text li {
    padding: 4px 8px 4px 16px;
  }

  div.section_header {
    padding: 3px 6px 3px 6px;

    background-color: #8E9CB2;

    color: #FFFFFF;
    font-weight: bold;
    font-size: 112%;
    text-align: center;
  }

  div.section_header_red {
    background-color: #CD214F;
  }

  div.section_header_grey {
    background-color: #9F9386;
  }

  .floating_element {
    position: relative;
    float: left;
  }

  div.table_of_contents_item a,
  div.content_section_text a {
    text-decoration: none;
    font-weight: bold;
  }

  div.table_of_contents_item a:link,
  div.table_of_contents_item a:visited,
  div.table_of_contents_item a:active {
    color: #000000;
  }

  div.table_of_contents_item a:hover {
    background-color: #000000;

    color: #FFFFFF;
  }

  div.content_section_text a:link,
  div.content_section_text a:visited,
   div.content_section_text a:active {
    background-color: #DCDFE6;

    color: #000000;
  }

  div.content_section_text a:hover {
    background-color: #000000;

    color: #DCDFE6;
  }

  div.validator {
  }
    </style>
  </head>
  <body>
    <div class="main_page">
      <div class="page_header floating_element">
        <img src="/icons/openlogo-75.png" alt="Debian Logo" class="floating_element"/>
        <span class="floating_element">
          Apache2 Debian Default Page
        </span>
      </div>
<!--      <div class="table_of_contents floating_element">
        <div class="section_header section_header_grey">
          TABLE OF CONTENTS
        </div>
        <div class="table_of_contents_item floating_element">
          <a href="#about">About</a>
        </div>
        <div class="table_of_contents_item floating_element">
          <a href="#changes">Changes</a>
        </div>
        <div class="table_of_contents_item floating_element">
          <a href="#scope">Scope</a>
        </div>
        <div class="table_of_contents_item floating_element">
          <a href="#files">Config files</a>
        </div>
      </div>
-->
      <div class="content_section floating_element">


        <div class="section_header section_header_red">
          <div id="about"></div>
          It works!
        </div>
        <div class="content_section_text">
          <p>
                This is the default welcome page used to test the correct 
                operation of the Apache2 server after installation on Debian systems.
                If you can read this page, it means that the Apache HTTP server installed at
                this site is working properly. You should <b>replace this file</b> (located at
                <tt>/var/www/html/index.html</tt>) before continuing to operate your HTTP server.
          </p>


          <p>
                If you are a normal user of this web site and don't know what this page is
                about, this probably means that the site is currently unavailable due to
                maintenance.
                If the problem persists, please contact the site's administrator.
          </p>

        </div>
        <div class="section_header">
          <div id="changes"></div>
                Configuration Overview
        </div>
        <div class="content_section_text">
          <p>
                Debian's Apache2 default configuration is different from the
                upstream default configuration, and split into several files optimized for
                interaction with Debian tools. The configuration system is
                <b>fully documented in
                /usr/share/doc/apache2/README.Debian.gz</b>. Refer to this for the full
                documentation. Documentation for the web server itself can be
                found by accessing the <a href="/manual">manual</a> if the <tt>apache2-doc</tt>
                package was installed on this server.

          </p>
          <p>
                The configuration layout for an Apache2 web server installation on Debian systems is as follows:
          </p>
          <pre>
/etc/apache2/
|-- apache2.conf
|       \`--  ports.conf
|-- mods-enabled
|       |-- *.load
|       \`-- *.conf
|-- conf-enabled
|       \`-- *.conf
|-- sites-enabled
|       \`-- *.conf
          </pre>
          <ul>
                        <li>
                           <tt>apache2.conf</tt> is the main configuration
                           file. It puts the pieces together by including all remaining configuration
                           files when starting up the web server.
                        </li>

                        <li>
                           <tt>ports.conf</tt> is always included from the
                           main configuration file. It is used to determine the listening ports for
                           incoming connections, and this file can be customized anytime.
                        </li>

                        <li>
                           Configuration files in the <tt>mods-enabled/</tt>,
                           <tt>conf-enabled/</tt> and <tt>sites-enabled/</tt> directories contain
                           particular configuration snippets which manage modules, global configuration
                           fragments, or virtual host configurations, respectively.
                        </li>

                        <li>
                           They are activated by symlinking available
                           configuration files from their respective
                           *-available/ counterparts. These should be managed
                           by using our helpers
                           <tt>
                                a2enmod,
                                a2dismod,
                           </tt>
                           <tt>
                                a2ensite,
                                a2dissite,
                            </tt>
                                and
                           <tt>
                                a2enconf,
                                a2disconf
                           </tt>. See their respective man pages for detailed information.
                        </li>

                        <li>
                           The binary is called apache2. Due to the use of
                           environment variables, in the default configuration, apache2 needs to be
                           started/stopped with <tt>/etc/init.d/apache2</tt> or <tt>apache2ctl</tt>.
                           <b>Calling <tt>/usr/bin/apache2</tt> directly will not work</b> with the
                           default configuration.
                        </li>
          </ul>
        </div>

        <div class="section_header">
            <div id="docroot"></div>
                Document Roots
        </div>

        <div class="content_section_text">
            <p>
                By default, Debian does not allow access through the web browser to
                <em>any</em> file apart of those located in <tt>/var/www</tt>,
                <a href="http://httpd.apache.org/docs/2.4/mod/mod_userdir.html" rel="nofollow">public_html</a>
                directories (when enabled) and <tt>/usr/share</tt> (for web
                applications). If your site is using a web document root
                located elsewhere (such as in <tt>/srv</tt>) you may need to whitelist your
                document root directory in <tt>/etc/apache2/apache2.conf</tt>.
            </p>
            <p>
                The default Debian document root is <tt>/var/www/html</tt>. You
                can make your own virtual hosts under /var/www. This is different
                to previous releases which provides better security out of the box.
            </p>
        </div>

        <div class="section_header">
          <div id="bugs"></div>
                Reporting Problems
        </div>
        <div class="content_section_text">
          <p>
                Please use the <tt>reportbug</tt> tool to report bugs in the
                Apache2 package with Debian. However, check <a
                href="http://bugs.debian.org/cgi-bin/pkgreport.cgi?ordering=normal;archive=0;src=apache2;repeatmerged=0"
                rel="nofollow">existing bug reports</a> before reporting a new bug.
          </p>
          <p>
                Please report bugs specific to modules (such as PHP and others)
                to respective packages, not to the web server itself.
          </p>
        </div>




      </div>
    </div>
    <div class="validator">
    </div>
  </body>
</html>

`;

/** /etc/mime.types (media-types 10.0.0). */
export const MIME_TYPES = `###############################################################################
#
#  Media (MIME) types and the extensions that represent them.
#
#  The format of this file is a media type on the left and zero or more
#  filename extensions on the right.  Programs using this file will map
#  files ending with those extensions to the associated type.
#
#  This file is part of the "media-types" package.  Please report a bug using
#  the "reportbug" command of the "reportbug" package if you would like new
#  types or extensions to be added.
#
#  The reason that all types are managed by the media-types package instead
#  allowing individual packages to install types in much the same way as they
#  add entries in to the mailcap file is so these types can be referenced by
#  other programs (such as a web server) even if the specific support package
#  for that type is not installed.
#
#  Users can add their own types if they wish by creating a ".mime.types"
#  file in their home directory.  Definitions included there will take
#  precedence over those listed here.
#
###############################################################################

application/1d-interleaved-parityfec
application/3gpdash-qoe-report+xml
application/3gpp-ims+xml
application/3gppHal+json
application/3gppHalForms+json
application/A2L					a2l
application/ace+cbor
application/ace+json
application/activemessage
application/activity+json
application/aif+cbor
application/aif+json
application/alto-cdni+json
application/alto-cdnifilter+json
application/alto-costmap+json
application/alto-costmapfilter+json
application/alto-directory+json
application/alto-endpointcost+json
application/alto-endpointcostparams+json
application/alto-endpointprop+json
application/alto-endpointpropparams+json
application/alto-error+json
application/alto-networkmap+json
application/alto-networkmapfilter+json
application/alto-propmap+json
application/alto-propmapparams+json
application/alto-updatestreamcontrol+json
application/alto-updatestreamparams+json
application/AML					aml
application/andrew-inset			ez
application/annodex				anx
application/applefile
application/at+jwt
application/ATF					atf
application/ATFX				atfx
application/atom+xml				atom
application/atomcat+xml				atomcat
application/atomdeleted+xml			atomdeleted
application/atomicmail
application/atomserv+xml			atomsrv
application/atomsvc+xml				atomsvc
application/atsc-dwd+xml			dwd
application/atsc-dynamic-event-message
application/atsc-held+xml			held
application/atsc-rdt+json
application/atsc-rsat+xml			rsat
application/ATXML				atxml
application/auth-policy+xml			apxml
application/automationml-aml+xml
application/automationml-amlx+zip		amlx
application/bacnet-xdd+zip			xdd
application/batch-SMTP
application/bbolin				lin
application/beep+xml
application/calendar+json
application/calendar+xml			xcs
application/call-completion
application/CALS-1840
application/captive+json
application/cbor				cbor
application/cbor-seq
application/cccex				c3ex
application/ccmp+xml				ccmp
application/ccxml+xml				ccxml
application/cda+xml
application/CDFX+XML				cdfx
application/cdmi-capability			cdmia
application/cdmi-container			cdmic
application/cdmi-domain				cdmid
application/cdmi-object				cdmio
application/cdmi-queue				cdmiq
application/cdni
application/CEA					cea
application/cea-2018+xml
application/cellml+xml				cellml cml
application/cfw
application/city+json
application/clr					1clr
application/clue+xml
application/clue_info+xml			clue
application/cms					cmsc
application/cnrp+xml
application/coap-group+json
application/coap-payload
application/commonground
application/concise-problem-details+cbor
application/conference-info+xml
application/cose
application/cose-key
application/cose-key-set
application/cose-x509
application/cpl+xml				cpl
application/csrattrs				csrattrs
application/csta+xml
application/CSTAdata+xml
application/csvm+json
application/cu-seeme				cu
application/cwl					cwl
application/cwl+json				cwl.json
application/cwt
application/cybercash
application/dash+xml				mpd
application/dash-patch+xml
application/dashdelta				mpdd
application/davmount+xml			davmount
application/dca-rft
application/DCD					dcd
application/dec-dx
application/dialog-info+xml
application/dicom				dcm
application/dicom+json
application/dicom+xml
application/DII					dii
application/DIT					dit
application/dns
application/dns+json
application/dns-message
application/dots+cbor
application/dskpp+xml				xmls
application/dsptype				tsp
application/dssc+der				dssc
application/dssc+xml				xdssc
application/dvcs				dvc
application/EDI-consent
application/EDI-X12
application/EDIFACT
application/efi					efi
application/elm+json
application/elm+xml
application/EmergencyCallData.cap+xml
application/EmergencyCallData.Comment+xml
application/EmergencyCallData.Control+xml
application/EmergencyCallData.DeviceInfo+xml
application/EmergencyCallData.eCall.MSD
application/EmergencyCallData.LegacyESN+json
application/EmergencyCallData.ProviderInfo+xml
application/EmergencyCallData.ServiceInfo+xml
application/EmergencyCallData.SubscriberInfo+xml
application/EmergencyCallData.VEDS+xml
application/emma+xml				emma
application/emotionml+xml			emotionml
application/encaprtp
application/epp+xml
application/epub+zip				epub
application/eshop
application/example
application/exi					exi
application/expect-ct-report+json
application/express				exp
application/fastinfoset				finf
application/fastsoap
application/fdf					fdf
application/fdt+xml				fdt
application/fhir+json
application/fhir+xml
application/fits
application/flexfec
application/font-tdpfr				pfr
application/framework-attributes+xml
application/futuresplash			spl
application/geo+json				geojson
application/geo+json-seq
application/geopackage+sqlite3			gpkg
application/geoxacml+xml
application/gltf-buffer				glbin glbuf
application/gml+xml				gml
application/gzip				gz
application/H224
application/held+xml
application/hl7v2+xml
application/hta					hta
application/http
application/hyperstudio				stk
application/ibe-key-request+xml
application/ibe-pkg-reply+xml
application/ibe-pp-data
application/iges
application/im-iscomposing+xml
application/index
application/index.cmd
application/index.obj
application/index.response
application/index.vnd
application/inkml+xml				ink inkml
application/IOTP
application/ipfix				ipfix
application/ipp
application/ISUP
application/its+xml				its
application/java-archive			jar
application/java-serialized-object		ser
application/java-vm				class
application/jf2feed+json
application/jose
application/jose+json
application/jrd+json				jrd
application/jscalendar+json
application/json				json
application/json-patch+json			json-patch
application/json-seq
application/jwk+json
application/jwk-set+json
application/jwt
application/kpml-request+xml
application/kpml-response+xml
application/ld+json				jsonld
application/lgr+xml				lgr
application/link-format				wlnk
application/linkset
application/linkset+json
application/load-control+xml
application/logout+jwt
application/lost+xml				lostxml
application/lostsync+xml			lostsyncxml
application/lpf+zip				lpf
application/LXF					lxf
application/m3g					m3g
application/mac-binhex40			hqx
application/mac-compactpro			cpt
application/macwriteii
application/mads+xml				mads
application/manifest+json			webmanifest
application/marc				mrc
application/marcxml+xml				mrcx
application/mathematica				ma mb
application/mathml+xml				mml
application/mathml-content+xml
application/mathml-presentation+xml
application/mbms-associated-procedure-description+xml
application/mbms-deregister+xml
application/mbms-envelope+xml
application/mbms-msk+xml
application/mbms-msk-response+xml
application/mbms-protection-description+xml
application/mbms-reception-report+xml
application/mbms-register+xml
application/mbms-register-response+xml
application/mbms-schedule+xml
application/mbms-user-service-description+xml
application/mbox				mbox
application/media-policy-dataset+xml
application/mediaservercontrol+xml
application/media_control+xml
application/merge-patch+json
application/metalink4+xml			meta4
application/mets+xml				mets
application/MF4					mf4
application/mikey
application/mipc
application/missing-blocks+cbor-seq
application/mmt-aei+xml				maei
application/mmt-usd+xml				musd
application/mods+xml				mods
application/moss-keys
application/moss-signature
application/mosskey-data
application/mosskey-request
application/mp21				m21 mp21
application/mp4
application/mpeg4-generic
application/mpeg4-iod
application/mpeg4-iod-xmt
application/mrb-consumer+xml
application/mrb-publish+xml
application/msaccess				mdb
application/msc-ivr+xml
application/msc-mixer+xml
application/msword				doc
application/mud+json
application/multipart-core
application/mxf					mxf
application/n-quads				nq
application/n-triples				nt
application/nasdata
application/news-checkgroups
application/news-groupinfo
application/news-transmission
application/nlsml+xml
application/node
application/nss
application/oauth-authz-req+jwt
application/oblivious-dns-message
application/ocsp-request			orq
application/ocsp-response			ors
application/octet-stream			bin deploy msu msp
application/ODA					oda
application/odm+xml
application/ODX					odx
application/oebps-package+xml			opf
application/ogg					ogx
application/onenote				one onetoc2 onetmp onepkg
application/opc-nodeset+xml
application/oscore
application/oxps				oxps
application/p21					p21 stpnc 210 ifc
application/p21+zip
application/p2p-overlay+xml			relo
application/parityfec
application/passport
application/patch-ops-error+xml
application/pdf					pdf
application/PDX					pdx
application/pem-certificate-chain		pem
application/pgp-encrypted			pgp
application/pgp-keys				asc key
application/pgp-signature			sig
application/pics-rules				prf
application/pidf+xml
application/pidf-diff+xml
application/pkcs10				p10
application/pkcs12				p12 pfx
application/pkcs7-mime				p7m p7c p7z
application/pkcs7-signature			p7s
application/pkcs8				p8
application/pkcs8-encrypted			p8e
application/pkix-attr-cert			ac
application/pkix-cert				cer
application/pkix-crl				crl
application/pkix-pkipath			pkipath
application/pkixcmp				pki
application/pls+xml
application/poc-settings+xml
application/postscript				ps ai eps epsi epsf eps2 eps3
application/ppsp-tracker+json
application/problem+json
application/problem+xml
application/provenance+xml			provx
application/prs.alvestrand.titrax-sheet
application/prs.cww				cw cww
application/prs.cyn
application/prs.hpub+zip			hpub
application/prs.nprend				rnd rct
application/prs.plucker
application/prs.rdf-xml-crypt			rdf-crypt
application/prs.xsf+xml				xsf
application/pskc+xml				pskcxml
application/pvd+json
application/QSIG
application/raptorfec
application/rdap+json
application/rdf+xml				rdf
application/reginfo+xml				rif
application/relax-ng-compact-syntax		rnc
application/reputon+json
application/resource-lists+xml			rl
application/resource-lists-diff+xml		rld
application/rfc+xml				rfcxml
application/riscos
application/rlmi+xml
application/rls-services+xml			rs
application/route-apd+xml			rapd
application/route-s-tsid+xml			sls
application/route-usd+xml			rusd
application/rpki-checklist
application/rpki-ghostbusters			gbr
application/rpki-manifest			mft
application/rpki-publication
application/rpki-roa				roa
application/rpki-updown
application/rtf					rtf
application/rtploopback
application/rtx
application/samlassertion+xml
application/samlmetadata+xml
application/sarif+json				sarif sarif.json
application/sarif-external-properties+json	sarif-external-properties sarif-external-properties.json
application/sbe
application/sbml+xml
application/scaip+xml
application/scim+json				scim
application/scvp-cv-request			scq
application/scvp-cv-response			scs
application/scvp-vp-request			spq
application/scvp-vp-response			spp
application/sdp					sdp
application/secevent+jwt
application/senml+cbor				senmlc
application/senml+json				senml
application/senml+xml				senmlx
application/senml-etch+cbor			senml-etchc
application/senml-etch+json			senml-etchj
application/senml-exi				senmle
application/sensml+cbor				sensmlc
application/sensml+json				sensml
application/sensml+xml				sensmlx
application/sensml-exi				sensmle
application/sep+xml
application/sep-exi
application/session-info
application/set-payment
application/set-payment-initiation
application/set-registration
application/set-registration-initiation
application/SGML
application/sgml-open-catalog			soc
application/shf+xml				shf
application/sieve				siv sieve
application/simple-filter+xml			cl
application/simple-message-summary
application/simpleSymbolContainer
application/sipc
application/slate
application/smil+xml				smil smi sml
application/smpte336m
application/soap+fastinfoset
application/soap+xml
application/sparql-query			rq
application/sparql-results+xml			srx
application/spdx+json				spdx.json
application/spirits-event+xml
application/sql					sql
application/srgs				gram
application/srgs+xml				grxml
application/sru+xml				sru
application/ssml+xml				ssml
application/stix+json				stix
application/swid+cbor				coswid
application/swid+xml				swidtag
application/tamp-apex-update			tau
application/tamp-apex-update-confirm		auc
application/tamp-community-update		tcu
application/tamp-community-update-confirm	cuc
application/tamp-error				ter
application/tamp-sequence-adjust		tsa
application/tamp-sequence-adjust-confirm	sac
application/tamp-status-query
application/tamp-status-response
application/tamp-update				tur
application/tamp-update-confirm			tuc
application/taxii+json
application/td+json				jsontd
application/tei+xml				tei teiCorpus odd
application/TETRA_ISI
application/thraud+xml				tfi
application/timestamp-query			tsq
application/timestamp-reply			tsr
application/timestamped-data			tsd
application/tlsrpt+gzip
application/tlsrpt+json
application/tm+json				tm.jsonld tm.json jsontm
application/tnauthlist
application/token-introspection+jwt
application/trickle-ice-sdpfrag
application/trig				trig
application/ttml+xml				ttml
application/tve-trigger
application/tzif
application/tzif-leap
application/ulpfec
application/urc-grpsheet+xml			gsheet
application/urc-ressheet+xml			rsheet
application/urc-targetdesc+xml			td
application/urc-uisocketdesc+xml		uis
application/vcard+json
application/vcard+xml
application/vemmi
application/vnd.1000minds.decision-model+xml	1km
application/vnd.3gpp-prose+xml
application/vnd.3gpp-prose-pc3a+xml
application/vnd.3gpp-prose-pc3ach+xml
application/vnd.3gpp-prose-pc3ch+xml
application/vnd.3gpp-prose-pc8+xml
application/vnd.3gpp-v2x-local-service-information
application/vnd.3gpp.5gnas
application/vnd.3gpp.access-transfer-events+xml
application/vnd.3gpp.bsf+xml
application/vnd.3gpp.GMOP+xml
application/vnd.3gpp.gtpc
application/vnd.3gpp.interworking-data
application/vnd.3gpp.lpp
application/vnd.3gpp.mc-signalling-ear
application/vnd.3gpp.mcdata-affiliation-command+xml
application/vnd.3gpp.mcdata-info+xml
application/vnd.3gpp.mcdata-msgstore-ctrl-request+xml
application/vnd.3gpp.mcdata-payload
application/vnd.3gpp.mcdata-regroup+xml
application/vnd.3gpp.mcdata-service-config+xml
application/vnd.3gpp.mcdata-signalling
application/vnd.3gpp.mcdata-ue-config+xml
application/vnd.3gpp.mcdata-user-profile+xml
application/vnd.3gpp.mcptt-affiliation-command+xml
application/vnd.3gpp.mcptt-floor-request+xml
application/vnd.3gpp.mcptt-info+xml
application/vnd.3gpp.mcptt-location-info+xml
application/vnd.3gpp.mcptt-mbms-usage-info+xml
application/vnd.3gpp.mcptt-service-config+xml
application/vnd.3gpp.mcptt-signed+xml
application/vnd.3gpp.mcptt-ue-config+xml
application/vnd.3gpp.mcptt-ue-init-config+xml
application/vnd.3gpp.mcptt-user-profile+xml
application/vnd.3gpp.mcvideo-affiliation-command+xml
application/vnd.3gpp.mcvideo-info+xml
application/vnd.3gpp.mcvideo-location-info+xml
application/vnd.3gpp.mcvideo-mbms-usage-info+xml
application/vnd.3gpp.mcvideo-service-config+xml
application/vnd.3gpp.mcvideo-transmission-request+xml
application/vnd.3gpp.mcvideo-ue-config+xml
application/vnd.3gpp.mcvideo-user-profile+xml
application/vnd.3gpp.mid-call+xml
application/vnd.3gpp.ngap
application/vnd.3gpp.pfcp
application/vnd.3gpp.pic-bw-large		plb
application/vnd.3gpp.pic-bw-small		psb
application/vnd.3gpp.pic-bw-var			pvb
application/vnd.3gpp.s1ap
application/vnd.3gpp.sms
application/vnd.3gpp.sms+xml
application/vnd.3gpp.srvcc-ext+xml
application/vnd.3gpp.SRVCC-info+xml
application/vnd.3gpp.state-and-event-info+xml
application/vnd.3gpp.ussd+xml
application/vnd.3gpp2.bcmcsinfo+xml
application/vnd.3gpp2.sms			sms
application/vnd.3gpp2.tcap			tcap
application/vnd.3lightssoftware.imagescal	imgcal
application/vnd.3M.Post-it-Notes		pwn
application/vnd.accpac.simply.aso		aso
application/vnd.accpac.simply.imp		imp
application/vnd.acucobol			acu
application/vnd.acucorp				atc acutc
application/vnd.adobe.flash.movie		swf
application/vnd.adobe.formscentral.fcdt		fcdt
application/vnd.adobe.fxp			fxp fxpl
application/vnd.adobe.partial-upload
application/vnd.adobe.xdp+xml			xdp
application/vnd.aether.imp
application/vnd.afpc.afplinedata
application/vnd.afpc.afplinedata-pagedef
application/vnd.afpc.cmoca-cmresource
application/vnd.afpc.foca-charset
application/vnd.afpc.foca-codedfont
application/vnd.afpc.foca-codepage
application/vnd.afpc.modca			list3820 listafp afp pseg3820
application/vnd.afpc.modca-formdef
application/vnd.afpc.modca-mediummap
application/vnd.afpc.modca-objectcontainer
application/vnd.afpc.modca-overlay		ovl
application/vnd.afpc.modca-pagesegment		psg
application/vnd.age				age
application/vnd.ah-barcode
application/vnd.ahead.space			ahead
application/vnd.airzip.filesecure.azf		azf
application/vnd.airzip.filesecure.azs		azs
application/vnd.amadeus+json
application/vnd.amazon.mobi8-ebook		azw3
application/vnd.americandynamics.acc		acc
application/vnd.amiga.ami			ami
application/vnd.amundsen.maze+xml
application/vnd.android.ota			ota
application/vnd.android.package-archive						apk
application/vnd.anki				apkg
application/vnd.anser-web-certificate-issue-initiation	cii
application/vnd.anser-web-funds-transfer-initiation	fti
application/vnd.antix.game-component
application/vnd.apache.arrow.file		arrow
application/vnd.apache.arrow.stream		arrows
application/vnd.apache.thrift.binary
application/vnd.apache.thrift.compact
application/vnd.apache.thrift.json
application/vnd.apexlang			apexlang apex
application/vnd.api+json
application/vnd.aplextor.warrp+json
application/vnd.apothekende.reservation+json
application/vnd.apple.installer+xml		dist distz pkg mpkg
application/vnd.apple.keynote			keynote
application/vnd.apple.mpegurl			m3u8
application/vnd.apple.numbers			numbers
application/vnd.apple.pages			pages
application/vnd.aristanetworks.swi		swi
application/vnd.artisan+json			artisan
application/vnd.artsquare
application/vnd.astraea-software.iota		iota
application/vnd.audiograph			aep
application/vnd.autopackage			package
application/vnd.avalon+json
application/vnd.avistar+xml
application/vnd.balsamiq.bmml+xml		bmml
application/vnd.balsamiq.bmpr			bmpr
application/vnd.banana-accounting		ac2
application/vnd.bbf.usp.error
application/vnd.bbf.usp.msg
application/vnd.bbf.usp.msg+json
application/vnd.bekitzur-stech+json
application/vnd.belightsoft.lhzd+zip		lhzd
application/vnd.belightsoft.lhzl+zip		lhzl
application/vnd.bint.med-content
application/vnd.biopax.rdf+xml
application/vnd.blink-idb-value-wrapper
application/vnd.blueice.multipass		mpm
application/vnd.bluetooth.ep.oob		ep
application/vnd.bluetooth.le.oob		le
application/vnd.bmi				bmi
application/vnd.bpf
application/vnd.bpf3
application/vnd.businessobjects			rep
application/vnd.byu.uapi+json
application/vnd.cab-jscript
application/vnd.canon-cpdl
application/vnd.canon-lips
application/vnd.capasystems-pg+json
application/vnd.cendio.thinlinc.clientconf	tlclient
application/vnd.century-systems.tcp_stream
application/vnd.chemdraw+xml			cdxml
application/vnd.chess-pgn			pgn
application/vnd.chipnuts.karaoke-mmd		mmd
application/vnd.ciedi
application/vnd.cinderella			cdy
application/vnd.cirpack.isdn-ext
application/vnd.citationstyles.style+xml	csl
application/vnd.claymore			cla
application/vnd.cloanto.rp9			rp9
application/vnd.clonk.c4group			c4g c4d c4f c4p c4u
application/vnd.cluetrust.cartomobile-config	c11amc
application/vnd.cluetrust.cartomobile-config-pkg	c11amz
application/vnd.cncf.helm.chart.content.v1.tar+gzip
application/vnd.cncf.helm.chart.provenance.v1.prov
application/vnd.coffeescript			coffee
application/vnd.collabio.xodocuments.document	xodt
application/vnd.collabio.xodocuments.document-template	xott
application/vnd.collabio.xodocuments.presentation	xodp
application/vnd.collabio.xodocuments.presentation-template	xotp
application/vnd.collabio.xodocuments.spreadsheet	xods
application/vnd.collabio.xodocuments.spreadsheet-template	xots
application/vnd.collection+json
application/vnd.collection.doc+json
application/vnd.collection.next+json
application/vnd.comicbook+zip			cbz
application/vnd.comicbook-rar			cbr
application/vnd.commerce-battelle		icf icd ic0 ic1 ic2 ic3 ic4 ic5 ic6 ic7 ic8
application/vnd.commonspace			csp cst
application/vnd.contact.cmsg			cdbcmsg
application/vnd.coreos.ignition+json		ign ignition
application/vnd.cosmocaller			cmc
application/vnd.crick.clicker			clkx
application/vnd.crick.clicker.keyboard		clkk
application/vnd.crick.clicker.palette		clkp
application/vnd.crick.clicker.template		clkt
application/vnd.crick.clicker.wordbank		clkw
application/vnd.criticaltools.wbs+xml		wbs
application/vnd.cryptii.pipe+json
application/vnd.crypto-shade-file		ssvc
application/vnd.cryptomator.encrypted		c9r c9s
application/vnd.cryptomator.vault		cryptomator
application/vnd.ctc-posml			pml
application/vnd.ctct.ws+xml
application/vnd.cups-pdf
application/vnd.cups-postscript
application/vnd.cups-ppd			ppd
application/vnd.cups-raster
application/vnd.cups-raw
application/vnd.curl
application/vnd.cyan.dean.root+xml
application/vnd.cybank
application/vnd.cyclonedx+json
application/vnd.cyclonedx+xml
application/vnd.d2l.coursepackage1p0+zip
application/vnd.d3m-dataset
application/vnd.d3m-problem
application/vnd.dart				dart
application/vnd.data-vision.rdz			rdz
application/vnd.datalog				dl
application/vnd.datapackage+json
application/vnd.dataresource+json
application/vnd.dbf				dbf
application/vnd.debian.binary-package		deb ddeb udeb
application/vnd.dece.data			uvf uvvf uvd uvvd
application/vnd.dece.ttml+xml			uvt uvvt
application/vnd.dece.unspecified		uvx uvvx
application/vnd.dece.zip			uvz uvvz
application/vnd.denovo.fcselayout-link		fe_launch
application/vnd.desmume.movie			dsm
application/vnd.dir-bi.plate-dl-nosuffix
application/vnd.dm.delegation+xml
application/vnd.dna				dna
application/vnd.document+json			docjson
application/vnd.dolby.mobile.1
application/vnd.dolby.mobile.2
application/vnd.doremir.scorecloud-binary-document	scld
application/vnd.dpgraph				dpg mwc dpgraph
application/vnd.dreamfactory			dfac
application/vnd.drive+json
application/vnd.dtg.local
application/vnd.dtg.local.flash			fla
application/vnd.dtg.local.html
application/vnd.dvb.ait				ait
application/vnd.dvb.dvbisl+xml
application/vnd.dvb.dvbj
application/vnd.dvb.esgcontainer
application/vnd.dvb.ipdcdftnotifaccess
application/vnd.dvb.ipdcesgaccess
application/vnd.dvb.ipdcesgaccess2
application/vnd.dvb.ipdcesgpdd
application/vnd.dvb.ipdcroaming
application/vnd.dvb.iptv.alfec-base
application/vnd.dvb.iptv.alfec-enhancement
application/vnd.dvb.notif-aggregate-root+xml
application/vnd.dvb.notif-container+xml
application/vnd.dvb.notif-generic+xml
application/vnd.dvb.notif-ia-msglist+xml
application/vnd.dvb.notif-ia-registration-request+xml
application/vnd.dvb.notif-ia-registration-response+xml
application/vnd.dvb.notif-init+xml
application/vnd.dvb.pfr
application/vnd.dvb.service			svc
application/vnd.dxr
application/vnd.dynageo				geo
application/vnd.dzr				dzr
application/vnd.easykaraoke.cdgdownload
application/vnd.ecdis-update
application/vnd.ecip.rlp
application/vnd.eclipse.ditto+json
application/vnd.ecowin.chart			mag
application/vnd.ecowin.filerequest
application/vnd.ecowin.fileupdate
application/vnd.ecowin.series
application/vnd.ecowin.seriesrequest
application/vnd.ecowin.seriesupdate
application/vnd.efi.img
application/vnd.efi.iso
application/vnd.eln+zip				ELN
application/vnd.emclient.accessrequest+xml
application/vnd.enliven				nml
application/vnd.enphase.envoy
application/vnd.eprints.data+xml
application/vnd.epson.esf			esf
application/vnd.epson.msf			msf
application/vnd.epson.quickanime		qam
application/vnd.epson.salt			slt
application/vnd.epson.ssf			ssf
application/vnd.ericsson.quickcall		qcall qca
application/vnd.espass-espass+zip		espass
application/vnd.eszigno3+xml			es3 et3
application/vnd.etsi.aoc+xml
application/vnd.etsi.asic-e+zip			asice sce
application/vnd.etsi.asic-s+zip			asics
application/vnd.etsi.cug+xml
application/vnd.etsi.iptvcommand+xml
application/vnd.etsi.iptvdiscovery+xml
application/vnd.etsi.iptvprofile+xml
application/vnd.etsi.iptvsad-bc+xml
application/vnd.etsi.iptvsad-cod+xml
application/vnd.etsi.iptvsad-npvr+xml
application/vnd.etsi.iptvservice+xml
application/vnd.etsi.iptvsync+xml
application/vnd.etsi.iptvueprofile+xml
application/vnd.etsi.mcid+xml
application/vnd.etsi.mheg5
application/vnd.etsi.overload-control-policy-dataset+xml
application/vnd.etsi.pstn+xml
application/vnd.etsi.sci+xml
application/vnd.etsi.simservs+xml
application/vnd.etsi.timestamp-token		tst
application/vnd.etsi.tsl+xml
application/vnd.etsi.tsl.der
application/vnd.eu.kasparian.car+json		carjson
application/vnd.eudora.data
application/vnd.evolv.ecig.profile		ecigprofile
application/vnd.evolv.ecig.settings		ecig
application/vnd.evolv.ecig.theme		ecigtheme
application/vnd.exstream-empower+zip		mpw
application/vnd.exstream-package		pub
application/vnd.ezpix-album			ez2
application/vnd.ezpix-package			ez3
application/vnd.f-secure.mobile
application/vnd.familysearch.gedcom+zip		gdz
application/vnd.fastcopy-disk-image		dim
application/vnd.fdsn.mseed			msd mseed
application/vnd.fdsn.seed			seed dataless
application/vnd.ffsns
application/vnd.ficlab.flb+zip			flb
application/vnd.filmit.zfc			zfc
application/vnd.fints
application/vnd.firemonkeys.cloudcell
application/vnd.FloGraphIt			gph
application/vnd.fluxtime.clip			ftc
application/vnd.font-fontforge-sfd		sfd
application/vnd.framemaker			fm
application/vnd.fsc.weblaunch			fsc
application/vnd.fujifilm.fb.docuworks
application/vnd.fujifilm.fb.docuworks.binder
application/vnd.fujifilm.fb.docuworks.container
application/vnd.fujifilm.fb.jfi+xml
application/vnd.fujitsu.oasys			oas
application/vnd.fujitsu.oasys2			oa2
application/vnd.fujitsu.oasys3			oa3
application/vnd.fujitsu.oasysgp			fg5
application/vnd.fujitsu.oasysprs		bh2
application/vnd.fujixerox.ART-EX
application/vnd.fujixerox.ART4
application/vnd.fujixerox.ddd			ddd
application/vnd.fujixerox.docuworks		xdw
application/vnd.fujixerox.docuworks.binder	xbd
application/vnd.fujixerox.docuworks.container	xct
application/vnd.fujixerox.HBPL
application/vnd.fut-misnet
application/vnd.futoin+cbor
application/vnd.futoin+json
application/vnd.fuzzysheet			fzs
application/vnd.genomatix.tuxedo		txd
application/vnd.genozip				genozip
application/vnd.gentics.grd+json		grd
application/vnd.gentoo.catmetadata+xml
application/vnd.gentoo.ebuild			ebuild
application/vnd.gentoo.eclass			eclass
application/vnd.gentoo.gpkg			gpkg.tar
application/vnd.gentoo.manifest
application/vnd.gentoo.pkgmetadata+xml		
application/vnd.gentoo.xpak			xpak
application/vnd.geogebra.file			ggb
application/vnd.geogebra.slides			ggs
application/vnd.geogebra.tool			ggt
application/vnd.geometry-explorer		gex gre
application/vnd.geonext				gxt
application/vnd.geoplan				g2w
application/vnd.geospace			g3w
application/vnd.gerber
application/vnd.globalplatform.card-content-mgt
application/vnd.globalplatform.card-content-mgt-response
application/vnd.gnu.taler.exchange+json
application/vnd.gnu.taler.merchant+json
application/vnd.google-earth.kml+xml		kml
application/vnd.google-earth.kmz		kmz
application/vnd.gov.sk.e-form+xml
application/vnd.gov.sk.e-form+zip
application/vnd.gov.sk.xmldatacontainer+xml
application/vnd.gpxsee.map+xml
application/vnd.grafeq				gqf gqs
application/vnd.gridmp
application/vnd.groove-account			gac
application/vnd.groove-help			ghf
application/vnd.groove-identity-message		gim
application/vnd.groove-injector			grv
application/vnd.groove-tool-message		gtm
application/vnd.groove-tool-template		tpl
application/vnd.groove-vcard			vcg
application/vnd.hal+json
application/vnd.hal+xml				hal
application/vnd.HandHeld-Entertainment+xml	zmm
application/vnd.hbci				hbci hbc kom upa pkd bpd
application/vnd.hc+json
application/vnd.hcl-bireports
application/vnd.hdt				hdt
application/vnd.heroku+json
application/vnd.hhe.lesson-player		les
application/vnd.hp-HPGL				hpgl
application/vnd.hp-hpid				hpi hpid
application/vnd.hp-hps				hps
application/vnd.hp-jlyt				jlt
application/vnd.hp-PCL				pcl
application/vnd.hp-PCLXL
application/vnd.httphone
application/vnd.hydrostatix.sof-data		sfd-hdstx
application/vnd.hyper+json
application/vnd.hyper-item+json
application/vnd.hyperdrive+json
application/vnd.hzn-3d-crossword
application/vnd.ibm.electronic-media		emm
application/vnd.ibm.MiniPay			mpy
application/vnd.ibm.rights-management		irm
application/vnd.ibm.secure-container		sc
application/vnd.iccprofile			icc icm
application/vnd.ieee.1905			1905.1
application/vnd.igloader			igl
application/vnd.imagemeter.folder+zip		imf
application/vnd.imagemeter.image+zip		imi
application/vnd.immervision-ivp			ivp
application/vnd.immervision-ivu			ivu
application/vnd.ims.imsccv1p1			imscc
application/vnd.ims.imsccv1p2
application/vnd.ims.imsccv1p3
application/vnd.ims.lis.v2.result+json
application/vnd.ims.lti.v2.toolconsumerprofile+json
application/vnd.ims.lti.v2.toolproxy+json
application/vnd.ims.lti.v2.toolproxy.id+json
application/vnd.ims.lti.v2.toolsettings+json
application/vnd.ims.lti.v2.toolsettings.simple+json
application/vnd.informedcontrol.rms+xml
application/vnd.infotech.project
application/vnd.infotech.project+xml
application/vnd.innopath.wamp.notification
application/vnd.insors.igm			igm
application/vnd.intercon.formnet		xpw xpx
application/vnd.intergeo			i2g
application/vnd.intertrust.digibox
application/vnd.intertrust.nncp
application/vnd.intu.qbo			qbo
application/vnd.intu.qfx			qfx
application/vnd.ipld.car			car
application/vnd.ipld.dag-cbor
application/vnd.ipld.dag-json
application/vnd.ipld.raw
application/vnd.iptc.g2.catalogitem+xml
application/vnd.iptc.g2.conceptitem+xml
application/vnd.iptc.g2.knowledgeitem+xml
application/vnd.iptc.g2.newsitem+xml
application/vnd.iptc.g2.newsmessage+xml
application/vnd.iptc.g2.packageitem+xml
application/vnd.iptc.g2.planningitem+xml
application/vnd.ipunplugged.rcprofile		rcprofile
application/vnd.irepository.package+xml		irp
application/vnd.is-xpr				xpr
application/vnd.isac.fcs			fcs
application/vnd.iso11783-10+zip
application/vnd.jam				jam
application/vnd.japannet-directory-service
application/vnd.japannet-jpnstore-wakeup
application/vnd.japannet-payment-wakeup
application/vnd.japannet-registration
application/vnd.japannet-registration-wakeup
application/vnd.japannet-setstore-wakeup
application/vnd.japannet-verification
application/vnd.japannet-verification-wakeup
application/vnd.jcp.javame.midlet-rms		rms
application/vnd.jisp				jisp
application/vnd.joost.joda-archive		joda
application/vnd.jsk.isdn-ngn
application/vnd.kahootz				ktz ktr
application/vnd.kde.karbon			karbon
application/vnd.kde.kchart			chrt
application/vnd.kde.kformula			kfo
application/vnd.kde.kivio			flw
application/vnd.kde.kontour			kon
application/vnd.kde.kpresenter			kpr kpt
application/vnd.kde.kspread			ksp
application/vnd.kde.kword			kwd kwt
application/vnd.kenameaapp			htke
application/vnd.kidspiration			kia
application/vnd.Kinar				kne knp sdf
application/vnd.koan				skp skd skm skt
application/vnd.kodak-descriptor		sse
application/vnd.las				las
application/vnd.las.las+json			lasjson
application/vnd.las.las+xml			lasxml
application/vnd.laszip
application/vnd.leap+json
application/vnd.liberty-request+xml
application/vnd.llamagraphics.life-balance.desktop	lbd
application/vnd.llamagraphics.life-balance.exchange+xml	lbe
application/vnd.logipipe.circuit+zip		lcs lca
application/vnd.loom				loom
application/vnd.lotus-1-2-3			123 wk4 wk3 wk1
application/vnd.lotus-approach			apr vew
application/vnd.lotus-freelance			prz pre
application/vnd.lotus-notes			nsf ntf ndl ns4 ns3 ns2 nsh nsg
application/vnd.lotus-organizer			or3 or2 org
application/vnd.lotus-screencam			scm
application/vnd.lotus-wordpro			lwp sam
application/vnd.macports.portpkg		portpkg
application/vnd.mapbox-vector-tile		mvt
application/vnd.marlin.drm.actiontoken+xml
application/vnd.marlin.drm.conftoken+xml
application/vnd.marlin.drm.license+xml
application/vnd.marlin.drm.mdcf			mdc
application/vnd.mason+json
application/vnd.maxar.archive.3tz+zip		3tz
application/vnd.maxmind.maxmind-db		mmdb
application/vnd.mcd				mcd
application/vnd.medcalcdata			mc1
application/vnd.mediastation.cdkey		cdkey
application/vnd.medicalholodeck.recordxr	rxt
application/vnd.meridian-slingshot
application/vnd.MFER				mwf
application/vnd.mfmp				mfm
application/vnd.micro+json
application/vnd.micrografx.flo			flo
application/vnd.micrografx.igx			igx
application/vnd.microsoft.portable-executable
application/vnd.microsoft.windows.thumbnail-cache
application/vnd.miele+json
application/vnd.mif				mif
application/vnd.minisoft-hp3000-save
application/vnd.mitsubishi.misty-guard.trustweb
application/vnd.Mobius.DAF			daf
application/vnd.Mobius.DIS			dis
application/vnd.Mobius.MBK			mbk
application/vnd.Mobius.MQY			mqy
application/vnd.Mobius.MSL			msl
application/vnd.Mobius.PLC			plc
application/vnd.Mobius.TXF			txf
application/vnd.mophun.application		mpn
application/vnd.mophun.certificate		mpc
application/vnd.motorola.flexsuite
application/vnd.motorola.flexsuite.adsi
application/vnd.motorola.flexsuite.fis
application/vnd.motorola.flexsuite.gotap
application/vnd.motorola.flexsuite.kmr
application/vnd.motorola.flexsuite.ttc
application/vnd.motorola.flexsuite.wem
application/vnd.motorola.iprm
application/vnd.mozilla.xul+xml			xul
application/vnd.ms-3mfdocument			3mf
application/vnd.ms-artgalry			cil
application/vnd.ms-asf				asf
application/vnd.ms-cab-compressed		cab
application/vnd.ms-excel			xls xlm xla xlc xlt xlw
application/vnd.ms-excel.addin.macroEnabled.12	xlam
application/vnd.ms-excel.sheet.binary.macroEnabled.12	xlsb
application/vnd.ms-excel.sheet.macroEnabled.12	xlsm
application/vnd.ms-excel.template.macroEnabled.12	xltm
application/vnd.ms-fontobject			eot
application/vnd.ms-htmlhelp			chm
application/vnd.ms-ims				ims
application/vnd.ms-lrm				lrm
application/vnd.ms-office.activeX+xml
application/vnd.ms-officetheme			thmx
application/vnd.ms-pki.seccat			cat
application/vnd.ms-playready.initiator+xml
application/vnd.ms-powerpoint							ppt pps
application/vnd.ms-powerpoint.addin.macroEnabled.12				ppam
application/vnd.ms-powerpoint.presentation.macroEnabled.12			pptm
application/vnd.ms-powerpoint.slide.macroEnabled.12				sldm
application/vnd.ms-powerpoint.slideshow.macroEnabled.12				ppsm
application/vnd.ms-powerpoint.template.macroEnabled.12				potm
application/vnd.ms-PrintDeviceCapabilities+xml
application/vnd.ms-PrintSchemaTicket+xml
application/vnd.ms-project			mpp mpt
application/vnd.ms-tnef				tnef tnf
application/vnd.ms-windows.devicepairing
application/vnd.ms-windows.nwprinting.oob
application/vnd.ms-windows.printerpairing
application/vnd.ms-windows.wsd.oob
application/vnd.ms-wmdrm.lic-chlg-req
application/vnd.ms-wmdrm.lic-resp
application/vnd.ms-wmdrm.meter-chlg-req
application/vnd.ms-wmdrm.meter-resp
application/vnd.ms-word.document.macroEnabled.12				docm
application/vnd.ms-word.template.macroEnabled.12				dotm
application/vnd.ms-works			wcm wdb wks wps
application/vnd.ms-wpl				wpl
application/vnd.ms-xpsdocument			xps
application/vnd.msa-disk-image			msa
application/vnd.mseq				mseq
application/vnd.msign
application/vnd.multiad.creator			crtr
application/vnd.multiad.creator.cif		cif
application/vnd.music-niff
application/vnd.musician			mus
application/vnd.muvee.style			msty
application/vnd.mynfc				taglet
application/vnd.nacamar.ybrid+json
application/vnd.ncd.control
application/vnd.ncd.reference
application/vnd.nearst.inv+json
application/vnd.nebumind.line			nebul line
application/vnd.nervana				entity request bkm kcm
application/vnd.netfpx
application/vnd.neurolanguage.nlu		nlu
application/vnd.nimn				nimn
application/vnd.nintendo.nitro.rom		nds
application/vnd.nintendo.snes.rom		sfc smc
application/vnd.nitf				nitf
application/vnd.noblenet-directory		nnd
application/vnd.noblenet-sealer			nns
application/vnd.noblenet-web			nnw
application/vnd.nokia.catalogs
application/vnd.nokia.conml+wbxml
application/vnd.nokia.conml+xml
application/vnd.nokia.iptv.config+xml
application/vnd.nokia.iSDS-radio-presets
application/vnd.nokia.landmark+wbxml
application/vnd.nokia.landmark+xml
application/vnd.nokia.landmarkcollection+xml
application/vnd.nokia.n-gage.ac+xml
application/vnd.nokia.n-gage.data		ngdat
application/vnd.nokia.ncd
application/vnd.nokia.pcd+wbxml
application/vnd.nokia.pcd+xml
application/vnd.nokia.radio-preset		rpst
application/vnd.nokia.radio-presets		rpss
application/vnd.novadigm.EDM			edm
application/vnd.novadigm.EDX			edx
application/vnd.novadigm.EXT			ext
application/vnd.ntt-local.content-share
application/vnd.ntt-local.file-transfer
application/vnd.ntt-local.ogw_remote-access
application/vnd.ntt-local.sip-ta_remote
application/vnd.ntt-local.sip-ta_tcp_stream
application/vnd.oasis.opendocument.base						odb
application/vnd.oasis.opendocument.chart					odc
application/vnd.oasis.opendocument.chart-template				otc
application/vnd.oasis.opendocument.formula					odf
application/vnd.oasis.opendocument.formula-template
application/vnd.oasis.opendocument.graphics					odg
application/vnd.oasis.opendocument.graphics-template				otg
application/vnd.oasis.opendocument.image					odi
application/vnd.oasis.opendocument.image-template				oti
application/vnd.oasis.opendocument.presentation					odp
application/vnd.oasis.opendocument.presentation-template			otp
application/vnd.oasis.opendocument.spreadsheet					ods
application/vnd.oasis.opendocument.spreadsheet-template				ots
application/vnd.oasis.opendocument.text						odt
application/vnd.oasis.opendocument.text-master					odm
application/vnd.oasis.opendocument.text-template				ott
application/vnd.oasis.opendocument.text-web					oth
application/vnd.obn
application/vnd.ocf+cbor
application/vnd.oci.image.manifest.v1+json
application/vnd.oftn.l10n+json
application/vnd.oipf.contentaccessdownload+xml
application/vnd.oipf.contentaccessstreaming+xml
application/vnd.oipf.cspg-hexbinary
application/vnd.oipf.dae.svg+xml
application/vnd.oipf.dae.xhtml+xml
application/vnd.oipf.mippvcontrolmessage+xml
application/vnd.oipf.pae.gem
application/vnd.oipf.spdiscovery+xml
application/vnd.oipf.spdlist+xml
application/vnd.oipf.ueprofile+xml
application/vnd.oipf.userprofile+xml
application/vnd.olpc-sugar			xo
application/vnd.oma-scws-config
application/vnd.oma-scws-http-request
application/vnd.oma-scws-http-response
application/vnd.oma.bcast.associated-procedure-parameter+xml
application/vnd.oma.bcast.drm-trigger+xml
application/vnd.oma.bcast.imd+xml
application/vnd.oma.bcast.ltkm
application/vnd.oma.bcast.notification+xml
application/vnd.oma.bcast.provisioningtrigger
application/vnd.oma.bcast.sgboot
application/vnd.oma.bcast.sgdd+xml
application/vnd.oma.bcast.sgdu
application/vnd.oma.bcast.simple-symbol-container
application/vnd.oma.bcast.smartcard-trigger+xml
application/vnd.oma.bcast.sprov+xml
application/vnd.oma.bcast.stkm
application/vnd.oma.cab-address-book+xml
application/vnd.oma.cab-feature-handler+xml
application/vnd.oma.cab-pcc+xml
application/vnd.oma.cab-subs-invite+xml
application/vnd.oma.cab-user-prefs+xml
application/vnd.oma.dcd
application/vnd.oma.dcdc
application/vnd.oma.dd2+xml			dd2
application/vnd.oma.drm.risd+xml
application/vnd.oma.group-usage-list+xml
application/vnd.oma.lwm2m+cbor
application/vnd.oma.lwm2m+json
application/vnd.oma.lwm2m+tlv
application/vnd.oma.pal+xml
application/vnd.oma.poc.detailed-progress-report+xml
application/vnd.oma.poc.final-report+xml
application/vnd.oma.poc.groups+xml
application/vnd.oma.poc.invocation-descriptor+xml
application/vnd.oma.poc.optimized-progress-report+xml
application/vnd.oma.push
application/vnd.oma.scidm.messages+xml
application/vnd.oma.xcap-directory+xml
application/vnd.omads-email+xml
application/vnd.omads-file+xml
application/vnd.omads-folder+xml
application/vnd.omaloc-supl-init
application/vnd.onepager			tam
application/vnd.onepagertamp			tamp
application/vnd.onepagertamx			tamx
application/vnd.onepagertat			tat
application/vnd.onepagertatp			tatp
application/vnd.onepagertatx			tatx
application/vnd.onvif.metadata
application/vnd.openblox.game+xml		obgx
application/vnd.openblox.game-binary		obg
application/vnd.openeye.oeb			oeb
application/vnd.openofficeorg.extension		oxt
application/vnd.openstreetmap.data+xml		osm
application/vnd.opentimestamps.ots
application/vnd.openxmlformats-officedocument.custom-properties+xml
application/vnd.openxmlformats-officedocument.customXmlProperties+xml
application/vnd.openxmlformats-officedocument.drawing+xml
application/vnd.openxmlformats-officedocument.drawingml.chart+xml
application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml
application/vnd.openxmlformats-officedocument.drawingml.diagramColors+xml
application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml
application/vnd.openxmlformats-officedocument.drawingml.diagramLayout+xml
application/vnd.openxmlformats-officedocument.drawingml.diagramStyle+xml
application/vnd.openxmlformats-officedocument.extended-properties+xml
application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml
application/vnd.openxmlformats-officedocument.presentationml.comments+xml
application/vnd.openxmlformats-officedocument.presentationml.handoutMaster+xml
application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml
application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml
application/vnd.openxmlformats-officedocument.presentationml.presentation	pptx
application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml
application/vnd.openxmlformats-officedocument.presentationml.presProps+xml
application/vnd.openxmlformats-officedocument.presentationml.slide		sldx
application/vnd.openxmlformats-officedocument.presentationml.slide+xml
application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml
application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml
application/vnd.openxmlformats-officedocument.presentationml.slideshow		ppsx
application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml
application/vnd.openxmlformats-officedocument.presentationml.slideUpdateInfo+xml
application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml
application/vnd.openxmlformats-officedocument.presentationml.tags+xml
application/vnd.openxmlformats-officedocument.presentationml.template		potx
application/vnd.openxmlformats-officedocument.presentationml.template.main+xml
application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.revisionHeaders+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.revisionLog+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.sheet		xlsx
application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.tableSingleCells+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.template		xltx
application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.userNames+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.volatileDependencies+xml
application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml
application/vnd.openxmlformats-officedocument.theme+xml
application/vnd.openxmlformats-officedocument.themeOverride+xml
application/vnd.openxmlformats-officedocument.vmlDrawing
application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.document		docx
application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.template		dotx
application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml
application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml
application/vnd.openxmlformats-package.core-properties+xml
application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml
application/vnd.openxmlformats-package.relationships+xml
application/vnd.oracle.resource+json
application/vnd.orange.indata
application/vnd.osa.netdeploy			ndc
application/vnd.osgeo.mapguide.package		mgp
application/vnd.osgi.bundle
application/vnd.osgi.dp				dp
application/vnd.osgi.subsystem			esa
application/vnd.otps.ct-kip+xml
application/vnd.oxli.countgraph			oxlicg
application/vnd.pagerduty+json
application/vnd.palm				pdb pqa oprc
application/vnd.panoply				plp
application/vnd.paos.xml
application/vnd.patentdive			dive
application/vnd.patientecommsdoc
application/vnd.pawaafile			paw
application/vnd.pcos
application/vnd.pg.format			str
application/vnd.pg.osasli			ei6
application/vnd.piaccess.application-licence	pil
application/vnd.picsel				efif
application/vnd.pmi.widget			wg
application/vnd.poc.group-advertisement+xml
application/vnd.pocketlearn			plf
application/vnd.powerbuilder6			pbd
application/vnd.powerbuilder6-s
application/vnd.powerbuilder7
application/vnd.powerbuilder7-s
application/vnd.powerbuilder75
application/vnd.powerbuilder75-s
application/vnd.preminet			preminet
application/vnd.previewsystems.box		box vbox
application/vnd.proteus.magazine		mgz
application/vnd.psfs				psfs
application/vnd.publishare-delta-tree		qps
application/vnd.pvi.ptid1			ptid
application/vnd.pwg-multiplexed
application/vnd.pwg-xhtml-print+xml
application/vnd.qualcomm.brew-app-res		bar
application/vnd.quarantainenet
application/vnd.Quark.QuarkXPress		qxd qxt qwd qwt qxl qxb
application/vnd.quobject-quoxdocument		quox quiz
application/vnd.radisys.moml+xml
application/vnd.radisys.msml+xml
application/vnd.radisys.msml-audit+xml
application/vnd.radisys.msml-audit-conf+xml
application/vnd.radisys.msml-audit-conn+xml
application/vnd.radisys.msml-audit-dialog+xml
application/vnd.radisys.msml-audit-stream+xml
application/vnd.radisys.msml-conf+xml
application/vnd.radisys.msml-dialog+xml
application/vnd.radisys.msml-dialog-base+xml
application/vnd.radisys.msml-dialog-fax-detect+xml
application/vnd.radisys.msml-dialog-fax-sendrecv+xml
application/vnd.radisys.msml-dialog-group+xml
application/vnd.radisys.msml-dialog-speech+xml
application/vnd.radisys.msml-dialog-transform+xml
application/vnd.rainstor.data			tree
application/vnd.rapid
application/vnd.rar				rar
application/vnd.realvnc.bed			bed
application/vnd.recordare.musicxml		mxl
application/vnd.recordare.musicxml+xml
application/vnd.RenLearn.rlprint
application/vnd.resilient.logic			rlm reload
application/vnd.restful+json
application/vnd.rig.cryptonote			cryptonote
application/vnd.rim.cod								cod
application/vnd.route66.link66+xml		link66
application/vnd.rs-274x
application/vnd.ruckus.download
application/vnd.s3sms
application/vnd.sailingtracker.track		st
application/vnd.sar				SAR
application/vnd.sbm.cid
application/vnd.sbm.mid2
application/vnd.scribus				scd sla slaz
application/vnd.sealed.3df			s3df
application/vnd.sealed.csf			scsf
application/vnd.sealed.doc			sdoc sdo s1w
application/vnd.sealed.eml			seml sem
application/vnd.sealed.mht			smht smh
application/vnd.sealed.net
application/vnd.sealed.ppt			sppt s1p
application/vnd.sealed.tiff			stif
application/vnd.sealed.xls			sxls sxl s1e
application/vnd.sealedmedia.softseal.html	stml s1h
application/vnd.sealedmedia.softseal.pdf	spdf spd s1a
application/vnd.seemail				see
application/vnd.seis+json
application/vnd.sema				sema
application/vnd.semd				semd
application/vnd.semf				semf
application/vnd.shade-save-file			ssv
application/vnd.shana.informed.formdata		ifm
application/vnd.shana.informed.formtemplate	itp
application/vnd.shana.informed.interchange	iif
application/vnd.shana.informed.package		ipk
application/vnd.shootproof+json
application/vnd.shopkick+json
application/vnd.shp				shp
application/vnd.shx				shx
application/vnd.sigrok.session			sr
application/vnd.SimTech-MindMapper		twd twds
application/vnd.siren+json
application/vnd.smaf				mmf
application/vnd.smart.notebook			notebook
application/vnd.smart.teacher			teacher
application/vnd.snesdev-page-table		ptrom pt
application/vnd.software602.filler.form+xml	fo
application/vnd.software602.filler.form-xml-zip	zfo
application/vnd.solent.sdkm+xml			sdkm sdkd
application/vnd.spotfire.dxp			dxp
application/vnd.spotfire.sfs			sfs
application/vnd.sqlite3				sqlite sqlite3
application/vnd.sss-cod
application/vnd.sss-dtf
application/vnd.sss-ntf
application/vnd.stardivision.calc						sdc
application/vnd.stardivision.chart						sds
application/vnd.stardivision.draw						sda
application/vnd.stardivision.impress						sdd
application/vnd.stardivision.math						smf
application/vnd.stardivision.writer						sdw
application/vnd.stardivision.writer-global					sgl
application/vnd.stepmania.package		smzip
application/vnd.stepmania.stepchart		sm
application/vnd.street-stream
application/vnd.sun.wadl+xml			wadl
application/vnd.sun.xml.calc							sxc
application/vnd.sun.xml.calc.template						stc
application/vnd.sun.xml.draw							sxd
application/vnd.sun.xml.draw.template						std
application/vnd.sun.xml.impress							sxi
application/vnd.sun.xml.impress.template					sti
application/vnd.sun.xml.math							sxm
application/vnd.sun.xml.writer							sxw
application/vnd.sun.xml.writer.global						sxg
application/vnd.sun.xml.writer.template						stw
application/vnd.sus-calendar			sus susp
application/vnd.svd
application/vnd.swiftview-ics
application/vnd.sybyl.mol2			ml2 mol2 sy2
application/vnd.sycle+xml			scl
application/vnd.syft+json			syft.json
application/vnd.symbian.install							sis
application/vnd.syncml+xml			xsm
application/vnd.syncml.dm+wbxml			bdm
application/vnd.syncml.dm+xml			xdm
application/vnd.syncml.dm.notification
application/vnd.syncml.dmddf+wbxml
application/vnd.syncml.dmddf+xml		ddf
application/vnd.syncml.dmtnds+wbxml
application/vnd.syncml.dmtnds+xml
application/vnd.syncml.ds.notification
application/vnd.tableschema+json
application/vnd.tao.intent-module-archive	tao
application/vnd.tcpdump.pcap			pcap cap dmp
application/vnd.theqvd				qvd
application/vnd.think-cell.ppttc+json		ppttc
application/vnd.tmd.mediaflex.api+xml
application/vnd.tml				vfr viaframe
application/vnd.tmobile-livetv			tmo
application/vnd.tri.onesource
application/vnd.trid.tpt			tpt
application/vnd.triscape.mxs			mxs
application/vnd.trueapp				tra
application/vnd.truedoc
application/vnd.ubisoft.webplayer
application/vnd.ufdl				ufdl ufd frm
application/vnd.uiq.theme			utz
application/vnd.umajin				umj
application/vnd.unity				unityweb
application/vnd.uoml+xml			uoml uo
application/vnd.uplanet.alert
application/vnd.uplanet.alert-wbxml
application/vnd.uplanet.bearer-choice
application/vnd.uplanet.bearer-choice-wbxml
application/vnd.uplanet.cacheop
application/vnd.uplanet.cacheop-wbxml
application/vnd.uplanet.channel
application/vnd.uplanet.channel-wbxml
application/vnd.uplanet.list
application/vnd.uplanet.list-wbxml
application/vnd.uplanet.listcmd
application/vnd.uplanet.listcmd-wbxml
application/vnd.uplanet.signal
application/vnd.uri-map				urim urimap
application/vnd.valve.source.material		vmt
application/vnd.vcx				vcx
application/vnd.vd-study			mxi study-inter model-inter
application/vnd.vectorworks			vwx
application/vnd.vel+json
application/vnd.verimatrix.vcas
application/vnd.veritone.aion+json		aion vtnstd
application/vnd.veryant.thin			istc isws
application/vnd.ves.encrypted			VES
application/vnd.vidsoft.vidconference		vsc
application/vnd.visio				vsd vst vsw vss
application/vnd.visionary			vis
application/vnd.vividence.scriptfile
application/vnd.vsf				vsf
application/vnd.wap.sic				sic
application/vnd.wap.slc				slc
application/vnd.wap.wbxml			wbxml
application/vnd.wap.wmlc			wmlc
application/vnd.wap.wmlscriptc			wmlsc
application/vnd.wasmflow.wafl			wafl
application/vnd.webturbo			wtb
application/vnd.wfa.dpp
application/vnd.wfa.p2p				p2p
application/vnd.wfa.wsc				wsc
application/vnd.windows.devicepairing
application/vnd.wmc				wmc
application/vnd.wmf.bootstrap
application/vnd.wolfram.mathematica		nb
application/vnd.wolfram.mathematica.package	m
application/vnd.wolfram.player			nbp
application/vnd.wordlift
application/vnd.wordperfect			wpd
application/vnd.wqd				wqd
application/vnd.wrq-hp3000-labelled
application/vnd.wt.stf				stf
application/vnd.wv.csp+wbxml			wv
application/vnd.wv.csp+xml
application/vnd.wv.ssp+xml
application/vnd.xacml+json
application/vnd.xara				xar
application/vnd.xfdl				xfdl xfd
application/vnd.xfdl.webform
application/vnd.xmi+xml
application/vnd.xmpie.cpkg			cpkg
application/vnd.xmpie.dpkg			dpkg
application/vnd.xmpie.plan
application/vnd.xmpie.ppkg			ppkg
application/vnd.xmpie.xlim			xlim
application/vnd.yamaha.hv-dic			hvd
application/vnd.yamaha.hv-script		hvs
application/vnd.yamaha.hv-voice			hvp
application/vnd.yamaha.openscoreformat		osf
application/vnd.yamaha.openscoreformat.osfpvg+xml
application/vnd.yamaha.remote-setup
application/vnd.yamaha.smaf-audio		saf
application/vnd.yamaha.smaf-phrase		spf
application/vnd.yamaha.through-ngn
application/vnd.yamaha.tunnel-udpencap
application/vnd.yaoweme				yme
application/vnd.yellowriver-custom-menu		cmp
application/vnd.zul				zir zirz
application/vnd.zzazz.deck+xml			zaz
application/voicexml+xml			vxml
application/voucher-cms+json			vcj
application/vq-rtcpxr
application/wasm				wasm
application/watcherinfo+xml			wif
application/webpush-options+json
application/whoispp-query
application/whoispp-response
application/widget				wgt
application/wita
application/wordperfect5.1
application/wsdl+xml				wsdl
application/wspolicy+xml			wspolicy
application/x-123				wk
application/x-7z-compressed			7z
application/x-abiword				abw
application/x-apple-diskimage			dmg
application/x-bcpio				bcpio
application/x-bittorrent			torrent
application/x-cdf				cdf cda
application/x-cdlink				vcd
application/x-comsol				mph
application/x-cpio				cpio
application/x-csh				csh
application/x-director				dcr dir dxr
application/x-doom				wad
application/x-dvi				dvi
application/x-font				pfa pfb gsf
application/x-font-pcf				pcf pcf.Z
application/x-freemind				mm
application/x-ganttproject			gan
application/x-gnumeric				gnumeric
application/x-go-sgf				sgf
application/x-graphing-calculator		gcf
application/x-gtar				gtar
application/x-gtar-compressed			tgz taz
application/x-hdf				hdf
application/x-hwp				hwp
application/x-ica				ica
application/x-info				info
application/x-internet-signup			ins isp
application/x-iphone				iii
application/x-iso9660-image			iso
application/x-java-jnlp-file			jnlp
application/x-jmol				jmz
application/x-killustrator			kil
application/x-latex				latex
application/x-lha				lha
application/x-lyx				lyx
application/x-lzh				lzh
application/x-lzx				lzx
application/x-maker				frm maker frame fm fb book fbdoc
application/x-ms-wmd				wmd
application/x-ms-wmz				wmz
application/x-msdos-program			com exe bat dll
application/x-msi				msi
application/x-netcdf				nc
application/x-ns-proxy-autoconfig		pac
application/x-nwc				nwc
application/x-object				o
application/x-oz-application			oza
application/x-pkcs7-certreqresp			p7r
application/x-pki-message
application/x-python-code			pyc pyo
application/x-qgis				qgs shp shx
application/x-quicktimeplayer			qtl
application/x-rdp				rdp
application/x-redhat-package-manager		rpm
application/x-rss+xml				rss
application/x-ruby				rb
application/x-scilab				sci sce
application/x-scilab-xcos			xcos
application/x-sh				sh
application/x-shar				shar
application/x-silverlight			scr
application/x-stuffit				sit sitx
application/x-sv4cpio				sv4cpio
application/x-sv4crc				sv4crc
application/x-tar				tar
application/x-tcl				tcl
application/x-tex-gf				gf
application/x-tex-pk				pk
application/x-texinfo				texinfo texi
application/x-trash				~ % bak old sik
application/x-troff-man				man
application/x-troff-me				me
application/x-troff-ms				ms
application/x-ustar				ustar
application/x-wais-source			src
application/x-wingz				wz
application/x-www-form-urlencoded
application/x-x509-ca-cert			crt
application/x-x509-ca-ra-cert
application/x-x509-next-ca-cert
application/x-xfig				fig
application/x-xpinstall				xpi
application/x-xz				xz
application/x400-bp
application/xacml+xml
application/xcap-att+xml			xav
application/xcap-caps+xml			xca
application/xcap-diff+xml			xdf
application/xcap-el+xml				xel
application/xcap-error+xml			xer
application/xcap-ns+xml				xns
application/xcon-conference-info+xml
application/xcon-conference-info-diff+xml
application/xenc+xml
application/xfdf				xfdf
application/xhtml+xml				xhtml xhtm xht
application/xliff+xml				xlf
application/xml					xml
application/xml-dtd				dtd mod
application/xml-external-parsed-entity		ent
application/xml-patch+xml
application/xmpp+xml
application/xop+xml				xop
application/xslt+xml				xsl xslt
application/xspf+xml				xspf
application/xv+xml				mxml xhvml xvml xvm
application/yang				yang
application/yang-data+cbor
application/yang-data+json
application/yang-data+xml
application/yang-patch+json
application/yang-patch+xml
application/yin+xml				yin
application/zip					zip
application/zlib
application/zstd				zst

audio/1d-interleaved-parityfec
audio/32kadpcm					726
audio/3gpp
audio/3gpp2
audio/aac					adts aac ass
audio/ac3					ac3
audio/AMR					amr AMR
audio/AMR-WB					awb AWB
audio/amr-wb+
audio/annodex					axa
audio/aptx
audio/asc					acn
audio/ATRAC-ADVANCED-LOSSLESS			aal
audio/ATRAC-X					atx
audio/ATRAC3					at3 aa3 omg
audio/basic					au snd
audio/BV16
audio/BV32
audio/clearmode
audio/CN
audio/csound					csd orc sco
audio/DAT12
audio/dls					dls
audio/dsr-es201108
audio/dsr-es202050
audio/dsr-es202211
audio/dsr-es202212
audio/DV
audio/DVI4
audio/eac3
audio/encaprtp
audio/EVRC					evc
audio/EVRC-QCP					qcp QCP
audio/EVRC0
audio/EVRC1
audio/EVRCB					evb
audio/EVRCB0
audio/EVRCB1
audio/EVRCNW					enw
audio/EVRCNW0
audio/EVRCNW1
audio/EVRCWB					evw
audio/EVRCWB0
audio/EVRCWB1
audio/EVS
audio/example
audio/flac					flac
audio/flexfec
audio/fwdred
audio/G711-0
audio/G719
audio/G722
audio/G7221
audio/G723
audio/G726-16
audio/G726-24
audio/G726-32
audio/G726-40
audio/G728
audio/G729
audio/G7291
audio/G729D
audio/G729E
audio/GSM
audio/GSM-EFR
audio/GSM-HR-08
audio/iLBC					lbc
audio/ip-mr_v2.5
audio/L16					l16
audio/L20
audio/L24
audio/L8
audio/LPC
audio/MELP
audio/MELP1200
audio/MELP2400
audio/MELP600
audio/mhas					mhas
audio/mobile-xmf				mxmf
audio/mp4					m4a
audio/MP4A-LATM
audio/MPA
audio/mpa-robust
audio/mpeg					mpga mpega mp1 mp2 mp3
audio/mpeg4-generic
audio/mpegurl					m3u
audio/ogg					oga ogg opus spx
audio/opus
audio/parityfec
audio/PCMA
audio/PCMA-WB
audio/PCMU
audio/PCMU-WB
audio/prs.sid					sid psid
audio/QCELP
audio/raptorfec
audio/RED
audio/rtp-enc-aescm128
audio/rtp-midi
audio/rtploopback
audio/rtx
audio/scip
audio/SMV					smv
audio/SMV-QCP
audio/SMV0
audio/sofa					sofa
audio/sp-midi					mid
audio/speex
audio/t140c
audio/t38
audio/telephone-event
audio/TETRA_ACELP
audio/TETRA_ACELP_BB
audio/tone
audio/TSVCIS
audio/UEMCLIP
audio/ulpfec
audio/usac					loas xhe
audio/VDVI
audio/VMR-WB
audio/vnd.3gpp.iufp
audio/vnd.4SB
audio/vnd.audiokoz				koz
audio/vnd.CELP
audio/vnd.cisco.nse
audio/vnd.cmles.radio-events
audio/vnd.cns.anp1
audio/vnd.cns.inf1
audio/vnd.dece.audio				uva uvva
audio/vnd.digital-winds				eol
audio/vnd.dlna.adts
audio/vnd.dolby.heaac.1
audio/vnd.dolby.heaac.2
audio/vnd.dolby.mlp				mlp
audio/vnd.dolby.mps
audio/vnd.dolby.pl2
audio/vnd.dolby.pl2x
audio/vnd.dolby.pl2z
audio/vnd.dolby.pulse.1
audio/vnd.dra
audio/vnd.dts					dts
audio/vnd.dts.hd				dtshd
audio/vnd.dts.uhd
audio/vnd.dvb.file
audio/vnd.everad.plj				plj
audio/vnd.hns.audio
audio/vnd.lucent.voice				lvp
audio/vnd.ms-playready.media.pya		pya
audio/vnd.nokia.mobile-xmf
audio/vnd.nortel.vbk				vbk
audio/vnd.nuera.ecelp4800			ecelp4800
audio/vnd.nuera.ecelp7470			ecelp7470
audio/vnd.nuera.ecelp9600			ecelp9600
audio/vnd.octel.sbc
audio/vnd.presonus.multitrack			multitrack
audio/vnd.rhetorex.32kadpcm
audio/vnd.rip					rip
audio/vnd.sealedmedia.softseal.mpeg		smp3 smp s1m
audio/vnd.vmx.cvsd
audio/vorbis
audio/vorbis-config
audio/x-aiff					aif aiff aifc
audio/x-gsm					gsm
audio/x-ms-wax					wax
audio/x-ms-wma					wma
audio/x-pn-realaudio				ra rm ram
audio/x-scpls					pls
audio/x-sd2					sd2
audio/x-wav					wav

chemical/x-alchemy				alc
chemical/x-cache				cac cache
chemical/x-cache-csf				csf
chemical/x-cactvs-binary			cbin cascii ctab
chemical/x-cdx					cdx
chemical/x-cerius
chemical/x-chem3d				c3d
chemical/x-chemdraw				chm
chemical/x-cif					cif
chemical/x-cmdf					cmdf
chemical/x-cml					cml
chemical/x-compass				cpa
chemical/x-crossfire				bsd
chemical/x-csml					csml csm
chemical/x-ctx					ctx
chemical/x-cxf					cxf cef
#chemical/x-daylight-smiles			smi
chemical/x-embl-dl-nucleotide			emb embl
chemical/x-galactic-spc				spc
chemical/x-gamess-input				inp gam gamin
chemical/x-gaussian-checkpoint			fch fchk
chemical/x-gaussian-cube			cub
chemical/x-gaussian-input			gau gjc gjf
chemical/x-gaussian-log				gal
chemical/x-gcg8-sequence			gcg
chemical/x-genbank				gen
chemical/x-hin					hin
chemical/x-isostar				istr ist
chemical/x-jcamp-dx				jdx dx
chemical/x-kinemage				kin
chemical/x-macmolecule				mcm
chemical/x-macromodel-input			mmod
chemical/x-mdl-molfile				mol
chemical/x-mdl-rdfile				rd
chemical/x-mdl-rxnfile				rxn
chemical/x-mdl-sdfile				sd sdf
chemical/x-mdl-tgf				tgf
#chemical/x-mif					mif
chemical/x-mmcif				mcif
chemical/x-molconn-Z				b
chemical/x-mopac-graph				gpt
chemical/x-mopac-input				mop mopcrt mpc zmt
chemical/x-mopac-out				moo
chemical/x-mopac-vib				mvb
chemical/x-ncbi-asn1				asn
chemical/x-ncbi-asn1-ascii			prt
chemical/x-ncbi-asn1-binary			val aso
chemical/x-ncbi-asn1-spec			asn
chemical/x-pdb					pdb
chemical/x-rosdal				ros
chemical/x-swissprot				sw
chemical/x-vamas-iso14976			vms
chemical/x-vmd					vmd
chemical/x-xtel					xtel
chemical/x-xyz					xyz

font/collection					ttc
font/otf					otf
font/sfnt
font/ttf					ttf
font/woff					woff
font/woff2					woff2

image/aces					exr
image/apng					apng
image/avci					avci
image/avcs					avcs
image/avif					avif hif
image/bmp					bmp
image/cgm					cgm
image/dicom-rle					drle
image/dpx					dpx
image/emf					emf
image/example
image/fits					fits fit fts
image/g3fax
image/gif					gif
image/heic					heic
image/heic-sequence				heics
image/heif					heif
image/heif-sequence				heifs
image/hej2k					hej2
image/hsj2					hsj2
image/ief					ief
image/jls					jls
image/jp2					jp2 jpg2
image/jpeg					jpeg jpg jpe jfif
image/jph					jph
image/jphc					jhc jphc
image/jpm					jpm jpgm
image/jpx					jpx jpf
image/jxl					jxl
image/jxr					jxr
image/jxrA					jxra
image/jxrS					jxrs
image/jxs					jxs
image/jxsc					jxsc
image/jxsi					jxsi
image/jxss					jxss
image/ktx					ktx
image/ktx2					ktx2
image/naplps
image/png					png
image/prs.btif					btif btf
image/prs.pti					pti
image/pwg-raster
image/svg+xml					svg svgz
image/t38
image/tiff					tiff tif
image/tiff-fx					tfx
image/vnd.adobe.photoshop			psd
image/vnd.airzip.accelerator.azv		azv
image/vnd.cns.inf2
image/vnd.dece.graphic				uvi uvvi uvg uvvg
image/vnd.djvu					djvu djv
image/vnd.dvb.subtitle
image/vnd.dwg					dwg
image/vnd.dxf					dxf
image/vnd.fastbidsheet				fbs
image/vnd.fpx					fpx
image/vnd.fst					fst
image/vnd.fujixerox.edmics-mmr			mmr
image/vnd.fujixerox.edmics-rlc			rlc
image/vnd.globalgraphics.pgb			PGB pgb
image/vnd.microsoft.icon			ico
image/vnd.mix
image/vnd.ms-modi				mdi
image/vnd.net-fpx
image/vnd.pco.b16				b16
image/vnd.radiance				hdr rgbe xyze
image/vnd.sealed.png				spng spn s1n
image/vnd.sealedmedia.softseal.gif		sgif sgi s1g
image/vnd.sealedmedia.softseal.jpg		sjpg sjp s1j
image/vnd.svf
image/vnd.tencent.tap				tap
image/vnd.valve.source.texture			vtf
image/vnd.wap.wbmp				wbmp
image/vnd.xiff					xif
image/vnd.zbrush.pcx				pcx
image/webp					webp
image/wmf					wmf
image/x-canon-cr2				cr2
image/x-canon-crw				crw
image/x-cmu-raster				ras
image/x-coreldraw				cdr
image/x-coreldrawpattern			pat
image/x-coreldrawtemplate			cdt
image/x-corelphotopaint				cpt
image/x-epson-erf				erf
image/x-jg					art
image/x-jng					jng
image/x-nikon-nef				nef
image/x-olympus-orf				orf
image/x-portable-anymap				pnm
image/x-portable-bitmap				pbm
image/x-portable-graymap			pgm
image/x-portable-pixmap				ppm
image/x-rgb					rgb
image/x-xbitmap					xbm
image/x-xcf					xcf
image/x-xpixmap					xpm
image/x-xwindowdump				xwd

inode/blockdevice
inode/chardevice
inode/directory
inode/directory-locked
inode/fifo
inode/socket

message/bhttp
message/CPIM
message/delivery-status
message/disposition-notification
message/example
message/external-body
message/feedback-report
message/global					u8msg
message/global-delivery-status			u8dsn
message/global-disposition-notification		u8mdn
message/global-headers				u8hdr
message/http
message/imdn+xml
message/partial
message/rfc822					eml mail art
message/s-http
message/sip
message/sipfrag
message/tracking-status
message/vnd.wfa.wsc

model/3mf
model/e57
model/example
model/gltf+json					gltf
model/gltf-binary				glb
model/iges					igs iges
model/JT					jt
model/mesh					msh mesh silo
model/mtl					mtl
model/obj					obj
model/prc					prc
model/step					stp step
model/step+xml					stpx
model/step+zip					stpz
model/step-xml+zip				stpxz
model/stl					stl
model/u3d					u3d
model/vnd.cld					cld
model/vnd.collada+xml				dae
model/vnd.dwf					dwf
model/vnd.flatland.3dml
model/vnd.gdl					gdl gsm win dor lmp rsm msm ism
model/vnd.gs-gdl
model/vnd.gtw					gtw
model/vnd.moml+xml				moml
model/vnd.mts					mts
model/vnd.opengex				ogex
model/vnd.parasolid.transmit.binary		x_b xmt_bin
model/vnd.parasolid.transmit.text		x_t xmt_txt
model/vnd.pytha.pyox				pyox
model/vnd.rosette.annotated-data-model
model/vnd.sap.vds				vds
model/vnd.usda					usda
model/vnd.usdz+zip				usdz
model/vnd.valve.source.compiled-map		bsp
model/vnd.vtu					vtu
model/vrml					wrl vrm vrml
model/x3d+fastinfoset				x3db
model/x3d+xml					x3d x3dz
model/x3d-vrml					x3dv x3dvz

multipart/alternative
multipart/appledouble
multipart/byteranges
multipart/digest
multipart/encrypted
multipart/example
multipart/form-data
multipart/header-set
multipart/mixed
multipart/multilingual
multipart/parallel
multipart/related
multipart/report
multipart/signed
multipart/vnd.bint.med-plus			bmed
multipart/voice-message				vpm
multipart/x-mixed-replace

text/1d-interleaved-parityfec
text/cache-manifest				appcache manifest
text/calendar					ics ifb
text/cql					CQL
text/cql-extension
text/cql-identifier
text/css					css
text/csv					csv
text/csv-schema					csvs
text/dns					soa zone
text/encaprtp
text/enriched
text/example
text/fhirpath
text/flexfec
text/fwdred
text/gff3					gff3
text/grammar-ref-list
text/hl7v2
text/html					html htm shtml
text/javascript					es js mjs
text/jcr-cnd					cnd
text/markdown					md markdown
text/mizar					miz
text/n3						n3
text/parameters
text/parityfec
text/plain					txt text pot brf srt
text/provenance-notation			provn
text/prs.fallenstein.rst			rst
text/prs.lines.tag				tag dsc
text/prs.prop.logic
text/raptorfec
text/RED
text/rfc822-headers
text/rtf
text/rtp-enc-aescm128
text/rtploopback
text/rtx
text/SGML					sgml sgm
text/shaclc					shaclc shc
text/shex					shex
text/spdx					spdx
text/strings
text/t140
text/tab-separated-values			tsv
text/texmacs					tm
text/troff					t tr roff
text/turtle					ttl
text/ulpfec
text/uri-list					uris uri
text/vcard					vcf vcard
text/vnd.a					a
text/vnd.abc					abc
text/vnd.ascii-art				ascii
text/vnd.curl					curl
text/vnd.debian.copyright			copyright
text/vnd.DMClientScript				dms
text/vnd.dvb.subtitle
text/vnd.esmertec.theme-descriptor		jtd
text/vnd.exchangeable				VFK
text/vnd.familysearch.gedcom			ged
text/vnd.ficlab.flt				flt
text/vnd.fly					fly
text/vnd.fmi.flexstor				flx
text/vnd.gml
text/vnd.graphviz				gv dot
text/vnd.hans					hans
text/vnd.hgl					hgl
text/vnd.in3d.3dml				3dml 3dm
text/vnd.in3d.spot				spot spo
text/vnd.IPTC.NewsML
text/vnd.IPTC.NITF
text/vnd.latex-z
text/vnd.motorola.reflex
text/vnd.ms-mediapackage			mpf
text/vnd.net2phone.commcenter.command		ccc
text/vnd.radisys.msml-basic-layout
text/vnd.senx.warpscript			mc2
text/vnd.sosi					sos
text/vnd.sun.j2me.app-descriptor		jad
text/vnd.trolltech.linguist			ts
text/vnd.wap.si					si
text/vnd.wap.sl					sl
text/vnd.wap.wml				wml
text/vnd.wap.wmlscript				wmls
text/vtt					vtt
text/wgsl					wgsl
text/x-bibtex					bib
text/x-boo					boo
text/x-c++hdr					h++ hpp hxx hh
text/x-c++src					c++ cpp cxx cc
text/x-chdr					h
text/x-component				htc
text/x-csh					csh
text/x-csrc					c
text/x-diff					diff patch
text/x-dsrc					d
text/x-haskell					hs
text/x-java					java
text/x-lilypond					ly
text/x-literate-haskell				lhs
text/x-moc					moc
text/x-pascal					p pas
text/x-pcs-gcd					gcd
text/x-perl					pl pm
text/x-python					py
text/x-scala					scala
text/x-setext					etx
text/x-sfv					sfv
text/x-sh					sh
text/x-tcl					tcl tk
text/x-tex					tex ltx sty cls
text/x-vcalendar				vcs
text/xml
text/xml-dtd
text/xml-external-parsed-entity

video/1d-interleaved-parityfec
video/3gpp
video/3gpp-tt
video/3gpp2
video/annodex					axv
video/AV1
video/BMPEG
video/BT656
video/CelB
video/DV
video/dv					dif dv
video/encaprtp
video/example
video/FFV1
video/flexfec
video/fli					fli
video/gl					gl
video/H261
video/H263
video/H263-1998
video/H263-2000
video/H264
video/H264-RCDO
video/H264-SVC
video/H265
video/H266
video/iso.segment				m4s
video/JPEG
video/jpeg2000
video/jxsv
video/mj2					mj2 mjp2
video/MP1S
video/MP2P
video/MP2T
video/mp4					mp4 mpg4 m4v
video/MP4V-ES
video/mpeg					mpeg mpg mpe m1v m2v
video/mpeg4-generic
video/MPV
video/nv
video/ogg					ogv
video/parityfec
video/pointer
video/quicktime					qt mov
video/raptorfec
video/raw
video/rtp-enc-aescm128
video/rtploopback
video/rtx
video/scip
video/smpte291
video/SMPTE292M
video/ulpfec
video/vc1
video/vc2
video/vnd.CCTV
video/vnd.dece.hd				uvh uvvh
video/vnd.dece.mobile				uvm uvvm
video/vnd.dece.mp4				uvu uvvu
video/vnd.dece.pd				uvp uvvp
video/vnd.dece.sd				uvs uvvs
video/vnd.dece.video				uvv uvvv
video/vnd.directv.mpeg
video/vnd.directv.mpeg-tts
video/vnd.dlna.mpeg-tts
video/vnd.dvb.file				dvb
video/vnd.fvt					fvt
video/vnd.hns.video
video/vnd.iptvforum.1dparityfec-1010
video/vnd.iptvforum.1dparityfec-2005
video/vnd.iptvforum.2dparityfec-1010
video/vnd.iptvforum.2dparityfec-2005
video/vnd.iptvforum.ttsavc
video/vnd.iptvforum.ttsmpeg2
video/vnd.motorola.video
video/vnd.motorola.videop
video/vnd.mpegurl				mxu m4u
video/vnd.ms-playready.media.pyv		pyv
video/vnd.nokia.interleaved-multimedia		nim
video/vnd.nokia.mp4vr
video/vnd.nokia.videovoip
video/vnd.objectvideo
video/vnd.radgamettools.bink			bik bk2
video/vnd.radgamettools.smacker			smk
video/vnd.sealed.mpeg1				smpg s11
video/vnd.sealed.mpeg4				s14
video/vnd.sealed.swf				sswf ssw
video/vnd.sealedmedia.softseal.mov		smov smo s1q
video/vnd.uvvu.mp4
video/vnd.vivo					viv
video/vnd.youtube.yt				yt
video/VP8
video/VP9
video/webm					webm
video/x-flv					flv
video/x-la-asf					lsf lsx
video/x-matroska				mpv mkv
video/x-mng					mng
video/x-ms-wm					wm
video/x-ms-wmv					wmv
video/x-ms-wmx					wmx
video/x-ms-wvx					wvx
video/x-msvideo					avi
video/x-sgi-movie				movie
`;

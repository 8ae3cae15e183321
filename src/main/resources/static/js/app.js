// Spotify Tracker: the little the dashboard needs besides htmx. Loaded from our own origin
// (the Content-Security-Policy allows no inline script and no eval).
(function () {
	'use strict';

	// Dates follow the account's time zone; until one is chosen, the browser's. Tell the
	// server which that is, once (and again only if it changes).
	var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (zone) {
		var cookie = 'tz=' + encodeURIComponent(zone);
		if (document.cookie.split('; ').indexOf(cookie) < 0) {
			document.cookie = cookie + '; path=/; max-age=31536000; SameSite=Lax';
		}
	}

	function meta(name) {
		var element = document.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	// htmx requests that change something carry the CSRF token like a form does.
	document.addEventListener('htmx:configRequest', function (event) {
		var header = meta('csrf-header');
		var token = meta('csrf-token');
		if (header && token) {
			event.detail.headers[header] = token;
		}
	});

	// Typing or pasting into the rule builder's JSON box is no change of the rule until
	// "Load this JSON": the builder's form would otherwise send it as an edit and its answer
	// would put the rule's own document back into the box, over what was typed.
	['keyup', 'change', 'input'].forEach(function (type) {
		document.addEventListener(type, function (event) {
			if (event.target && event.target.id === 'rule-json') {
				event.stopPropagation();
			}
		}, true);
	});

	// The rule builder answers a refused rule with 400 and the page showing the fault next
	// to its condition: that answer is shown, not treated as a failed request.
	document.addEventListener('htmx:beforeSwap', function (event) {
		var xhr = event.detail.xhr;
		if (xhr && xhr.status === 400 && event.detail.target && event.detail.target.id === 'builder') {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});

	// htmx leaves the page as it was when a request fails; say so instead of staying silent.
	document.addEventListener('htmx:responseError', function (event) {
		var status = event.detail.xhr ? event.detail.xhr.status : 0;
		announce(status === 403 ? 'Not allowed.' : 'The request failed (status ' + status + '). Please reload the page.');
	});
	document.addEventListener('htmx:sendError', function () {
		announce('The service did not answer. Is it running?');
	});

	function announce(text) {
		var region = document.getElementById('request-error');
		if (!region) {
			region = document.createElement('p');
			region.id = 'request-error';
			region.className = 'notice error';
			region.setAttribute('role', 'alert');
			var main = document.getElementById('main') || document.body;
			main.insertBefore(region, main.firstChild);
		}
		region.textContent = text;
	}

	// Buttons and forms marked data-confirm ask first (htmx's hx-confirm does the same for
	// htmx requests).
	document.addEventListener('submit', function (event) {
		var form = event.target;
		var question = form.getAttribute('data-confirm');
		if (question && !window.confirm(question)) {
			event.preventDefault();
		}
	});
})();

// A run's log follows its newest line while the run goes on.
document.addEventListener('htmx:afterSwap', function () {
	var logs = document.querySelectorAll('.live-run[data-status="running"] .log-lines');
	for (var i = 0; i < logs.length; i++) {
		logs[i].scrollTop = logs[i].scrollHeight;
	}
});

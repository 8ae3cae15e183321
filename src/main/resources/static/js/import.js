// The Import page: a file dropped on the drop zone is uploaded as if chosen with the file
// button, and the upload's own progress shows until the import's progress takes over.
(function () {
	'use strict';

	var form = document.getElementById('import-form');
	var zone = document.getElementById('drop-zone');
	var input = document.getElementById('import-file');
	var upload = document.getElementById('upload-progress');
	if (!form || !zone || !input) {
		return;
	}

	function submit() {
		if (typeof form.requestSubmit === 'function') {
			form.requestSubmit();
		} else {
			form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
		}
	}

	['dragenter', 'dragover'].forEach(function (name) {
		zone.addEventListener(name, function (event) {
			event.preventDefault();
			zone.classList.add('dragging');
		});
	});
	['dragleave', 'drop'].forEach(function (name) {
		zone.addEventListener(name, function () {
			zone.classList.remove('dragging');
		});
	});
	zone.addEventListener('drop', function (event) {
		event.preventDefault();
		var files = event.dataTransfer ? event.dataTransfer.files : null;
		if (!files || files.length === 0) {
			return;
		}
		input.files = files;
		submit();
	});

	form.addEventListener('htmx:xhr:progress', function (event) {
		if (!upload || !event.detail || !event.detail.lengthComputable) {
			return;
		}
		upload.hidden = false;
		upload.value = Math.round(event.detail.loaded * 100 / event.detail.total);
		upload.textContent = upload.value + '%';
	});
	form.addEventListener('htmx:afterRequest', function () {
		if (upload) {
			upload.hidden = true;
		}
		form.reset();
	});
})();

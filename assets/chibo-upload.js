/* chibo: the upload page's files (chosen with its button or dropped on it) go to the streamed
   upload route (POST, multipart, one request per drop) with a progress bar; the job id it
   answers is handed to the page's store (#upload-job), whose callbacks show the job's state. The
   route's address, the size limit and the messages come from the button's data attributes (the
   page renders them in its language). */
(function () {
  function zone() { return document.getElementById('upload-drop'); }

  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(id, props);
    }
  }

  function note(text, color) {
    setProps('upload-note', {children: text || null,
                             style: {color: color || 'inherit', fontWeight: 600}});
  }

  function progress(percent) {
    setProps('upload-progress', {value: percent,
                                 style: percent === null ? {display: 'none'} : {}});
  }

  function send(files) {
    var drop = zone();
    if (!drop || !files || !files.length) { return; }
    var total = 0, form = new FormData();
    for (var i = 0; i < files.length; i++) {
      total += files[i].size;
      form.append('files', files[i], files[i].name);
    }
    if (total > Number(drop.dataset.maxBytes)) {
      note(drop.getAttribute('data-too-large'), '#c92a2a');
      return;
    }
    var xhr = new XMLHttpRequest(), shown = -1;
    xhr.open('POST', drop.dataset.url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = function (event) {
      if (!event.lengthComputable) { return; }
      var percent = Math.floor(100 * event.loaded / event.total);
      if (percent !== shown) { shown = percent; progress(percent); }
    };
    xhr.onload = function () {
      var body = xhr.response || {};
      progress(null);
      var refused = body.refused && body.refused.length
        ? drop.getAttribute('data-refused') + ': ' + body.refused.join(', ') : null;
      if (xhr.status === 200 && body.job) {
        note(refused, '#e67700');
        setProps('upload-job', {data: body.job});
      } else if (xhr.status === 413) {
        note(drop.getAttribute('data-too-large'), '#c92a2a');
      } else {
        note(refused || drop.getAttribute('data-failed').replace('{status}', xhr.status),
             '#c92a2a');
      }
    };
    xhr.onerror = function () {
      progress(null);
      note(drop.getAttribute('data-failed').replace('{status}', '0'), '#c92a2a');
    };
    note(drop.getAttribute('data-sending'));
    progress(0);
    xhr.send(form);
  }

  document.addEventListener('click', function (event) {
    var drop = zone();
    if (!drop || !drop.contains(event.target)) { return; }
    var picker = document.createElement('input');  /* the file picker, opened by the button */
    picker.type = 'file';
    picker.multiple = true;
    picker.accept = drop.getAttribute('data-accept');
    picker.addEventListener('change', function () { send(picker.files); });
    picker.click();
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var drop = zone();
      if (drop && drop.contains(event.target)) {
        event.preventDefault();
        drop.classList.add('upload-drop-over');
      }
    });
  });
  document.addEventListener('dragleave', function (event) {
    var drop = zone();
    if (drop && event.target === drop) { drop.classList.remove('upload-drop-over'); }
  });
  document.addEventListener('drop', function (event) {
    var drop = zone();
    if (drop && drop.contains(event.target)) {
      event.preventDefault();
      drop.classList.remove('upload-drop-over');
      send(event.dataTransfer && event.dataTransfer.files);
    }
  });
})();

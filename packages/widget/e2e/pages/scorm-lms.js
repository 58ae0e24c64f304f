// A stand-in for an LMS (Moodle's SCORM player): exposes the SCORM 1.2 API of scorm-again as
// window.API, then opens the package's launch page in a frame, as LMSs do. The test reads the
// data model back (window.API.cmi) and starts a new session with it to check resume.
import { Scorm12API } from './scorm12.min.js';

window.startLms = (saved) => {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (saved) api.loadFromJSON(saved, '');
  // Every call the SCO makes, with its answer and the error code after it.
  window.lmsCalls = [];
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']) {
    const original = api[name].bind(api);
    api[name] = (...args) => {
      const answer = original(...args);
      window.lmsCalls.push({ name, args, answer, error: api.LMSGetLastError() });
      return answer;
    };
  }
  window.API = api;
  const frame = document.createElement('iframe');
  frame.title = 'Activité SCORM';
  frame.src = 'package/index.html';
  frame.width = '1000';
  frame.height = '900';
  document.querySelector('main').append(frame);
};

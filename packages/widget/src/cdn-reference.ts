// The shipped reference content, as its own file of the CDN build: fetched only when an element
// runs without content supplied by the host.
export {};

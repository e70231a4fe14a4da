// Whether the page is on an office screen (not a phone): a table keeps its action column in view
// there; on a phone the whole table scrolls sideways instead.
export const officeScreen = () => window.innerWidth >= 768;

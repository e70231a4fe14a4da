// Every conversation case under tests/conversations/cases/ (see README.md here), run against the
// real engine, services and database: each turn's expectations, then the goal, with no action she
// did not mean.
import { describeCases } from '../support/conversations/describeCases.js';

describeCases();

// The conversation cases of the group "other" (tests/support/conversations/describeCases.ts; see README.md here).
import { describeCases } from '../support/conversations/describeCases.js';

describeCases('other');

// The conversation cases of the group "reminders" (tests/support/conversations/describeCases.ts; see README.md here).
import { describeCases } from '../support/conversations/describeCases.js';

describeCases('reminders');

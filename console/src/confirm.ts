// The console's one way to ask "are you sure?" before something that changes, cancels or ends
// something: resolves true only when the staff member pressed 确定.
import { ElMessageBox } from 'element-plus';
import { t } from './messages';

export function confirmed(question: string): Promise<boolean> {
  return ElMessageBox.confirm(question, '', { confirmButtonText: t.common.confirm, cancelButtonText: t.common.cancel, type: 'warning' }).then(
    () => true,
    () => false,
  );
}

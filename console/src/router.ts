// The console's pages. A page the account may not use is not reachable (and not in the menu); the
// API refuses it anyway.
import { createRouter, createWebHistory } from 'vue-router';
import { isAdministrator, loadSession, session } from './session';

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { open: true } },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue') },
    {
      path: '/',
      component: () => import('./pages/LayoutPage.vue'),
      children: [
        { path: '', name: 'home', component: () => import('./pages/HomePage.vue') },
        { path: 'accounts', name: 'accounts', component: () => import('./pages/AccountsPage.vue'), meta: { admin: true } },
        { path: 'audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { admin: true } },
        { path: 'capacity', name: 'capacity', component: () => import('./pages/CapacityPage.vue') },
        { path: 'bookings', name: 'bookings', component: () => import('./pages/BookingsPage.vue') },
        { path: 'waitlists', name: 'waitlists', component: () => import('./pages/WaitlistsPage.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  await loadSession();
  if (to.meta.open) return true;
  if (!session.account) return { name: 'login', query: { next: to.fullPath } };
  if (session.account.mustChangePassword && to.name !== 'password') return { name: 'password' };
  if (to.meta.admin && !isAdministrator(session.account)) return { name: 'home' };
  return true;
});

// The console's pages. A page the account may not use is not reachable (and not in the menu); the
// API refuses it anyway.
import { createRouter, createWebHistory } from 'vue-router';
import { FOLLOW_UP_ROLES, HANDOFF_ROLES, isAdministrator, loadSession, PREGNANCY_ROLES, RESULTS_ROLES, session, type Account } from './session';

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
        { path: 'hospital-keys', name: 'hospital-keys', component: () => import('./pages/HospitalKeysPage.vue'), meta: { admin: true } },
        { path: 'handoffs', name: 'handoffs', component: () => import('./pages/HandoffPage.vue'), meta: { roles: HANDOFF_ROLES } },
        { path: 'handoffs/:id', name: 'handoff', component: () => import('./pages/HandoffDetailPage.vue'), meta: { roles: HANDOFF_ROLES } },
        { path: 'bot-accounts', name: 'bot-accounts', component: () => import('./pages/BotAccountsPage.vue'), meta: { admin: true } },
        { path: 'results', name: 'results', component: () => import('./pages/ResultsPage.vue'), meta: { roles: RESULTS_ROLES } },
        { path: 'follow-ups', name: 'followUps', component: () => import('./pages/FollowUpPage.vue'), meta: { roles: FOLLOW_UP_ROLES } },
        { path: 'women', name: 'women', component: () => import('./pages/WomenPage.vue') },
        { path: 'women/:id', name: 'woman', component: () => import('./pages/WomanPage.vue') },
        { path: 'pregnancies', name: 'pregnancies', component: () => import('./pages/PregnanciesPage.vue'), meta: { roles: PREGNANCY_ROLES } },
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
  const roles = to.meta.roles as Account['role'][] | undefined;
  if (roles && !roles.includes(session.account.role)) return { name: 'home' };
  return true;
});
